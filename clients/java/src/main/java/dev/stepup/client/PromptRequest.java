package dev.stepup.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A step-up prompt to create for a user's session: the scopes to step up for, an optional mode
 * ({@code any}, {@code mfa}, {@code reauth}), and where the outcome goes — back to {@code returnTo}
 * with a one-time result code (redirect), or by postMessage to the opener's {@code origin} (popup).
 * Both must be on the environment's allow-lists in the console.
 */
public record PromptRequest(
    String userId,
    String sessionId,
    List<String> scopes,
    String mode,
    String returnTo,
    String origin) {

  public PromptRequest {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    scopes = List.copyOf(scopes);
  }

  /** The browser comes back to {@code returnTo} with {@code code} and {@code status}. */
  public static PromptRequest redirect(
      String userId, String sessionId, String returnTo, String... scopes) {
    return new PromptRequest(userId, sessionId, List.of(scopes), null, returnTo, null);
  }

  /** The popup posts the outcome to a window of {@code origin} and closes. */
  public static PromptRequest popup(
      String userId, String sessionId, String origin, String... scopes) {
    return new PromptRequest(userId, sessionId, List.of(scopes), null, null, origin);
  }

  /** Only MFA ({@code mfa}), only re-authentication ({@code reauth}) or either ({@code any}). */
  public PromptRequest withMode(String mode) {
    return new PromptRequest(userId, sessionId, scopes, mode, returnTo, origin);
  }

  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", userId);
    body.put("sessionId", sessionId);
    body.put("scopes", scopes);
    if (mode != null) {
      body.put("mode", mode);
    }
    if (returnTo != null) {
      body.put("returnTo", returnTo);
    }
    if (origin != null) {
      body.put("origin", origin);
    }
    return body;
  }
}
