package dev.stepup.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The host backend's calls about its users: users, their sessions and their step-up prompts. */
final class UserCalls {

  private final ApiTransport transport;
  private final String environmentPath;

  UserCalls(ApiTransport transport, String environmentPath) {
    this.transport = transport;
    this.environmentPath = environmentPath;
  }

  User createUser(NewUser user) {
    return Answers.user(transport.call("POST", environmentPath + "/users", user.body()));
  }

  User getUser(String userId) {
    return Answers.user(transport.call("GET", environmentPath + "/users/" + encode(userId), null));
  }

  Session createSession(String userId, String signInCredentialId) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (signInCredentialId != null) {
      body.put("signInCredentialId", signInCredentialId);
    }
    Map<String, Object> json =
        transport.call("POST", environmentPath + "/users/" + encode(userId) + "/sessions", body);
    return new Session(
        Json.string(json, "sessionId"),
        Json.string(json, "sessionToken"),
        Instant.parse(Json.string(json, "expiresAt")));
  }

  void endSession(String userId, String sessionId) {
    transport.call(
        "DELETE",
        environmentPath + "/users/" + encode(userId) + "/sessions/" + encode(sessionId),
        null);
  }

  Prompt createPrompt(PromptRequest request) {
    Map<String, Object> json = transport.call("POST", environmentPath + "/prompts", request.body());
    return new Prompt(
        Json.string(json, "promptId"),
        Json.string(json, "url"),
        Instant.parse(Json.string(json, "expiresAt")));
  }

  PromptResult exchangeResultCode(String resultCode) {
    return Answers.promptResult(
        transport.call(
            "POST",
            environmentPath + "/prompts/exchange",
            Map.of("code", Objects.requireNonNull(resultCode, "resultCode"))));
  }

  /** A path segment, percent-encoded (spaces as %20, not +). */
  static String encode(String segment) {
    return URLEncoder.encode(Objects.requireNonNull(segment), StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
