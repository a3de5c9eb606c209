package dev.stepup.application.port.in.stepup;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import java.net.URI;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Re-authentication with a social (OpenID Connect) provider: the browser goes to the provider and
 * comes back to the callback; the environment's allow-listed {@code redirectUri} then receives the
 * outcome in its fragment.
 */
public interface SocialStepUpUseCase {

  /**
   * Starts a step-up login for {@code scopes}; answers the provider URL to send the browser to.
   *
   * @param callbackUri this server's callback URL for the provider, as the provider knows it
   */
  URI authorize(
      SessionContext context,
      String provider,
      Set<Scope> scopes,
      String redirectUri,
      String callbackUri);

  /**
   * Starts a login proving the user holds the provider account they want to link.
   *
   * <p>{@code redirectUri} here and in {@link #authorize} is a path on this server or an address
   * the environment allows.
   */
  URI authorizeLink(
      SessionContext context, String provider, String redirectUri, String callbackUri);

  /**
   * Completes a login with the provider's answer and answers where to send the browser: the login's
   * redirect URI with {@code outcome=success} (and the token, or the {@code loginId} to link) or
   * {@code outcome=error} with a {@code code} in its fragment.
   *
   * @throws dev.stepup.application.port.in.RefusedException when {@code state} names no login of
   *     this provider (there is then nowhere safe to send the browser)
   */
  Outcome callback(
      EnvironmentId environmentId,
      String provider,
      ProviderAnswer answer,
      String callbackUri,
      RequestOrigin origin);

  /**
   * How a login ended: a token (step-up), a login to link, or a refusal.
   *
   * @param redirectUri the redirect URI the login was started with
   * @param sessionId the session that started the login
   * @param token the elevated token, for a successful step-up
   * @param loginId the completed login to link, for a successful link login
   * @param refusal why the login did not succeed
   */
  record Outcome(
      String redirectUri,
      SessionId sessionId,
      Optional<IssuedElevatedToken> token,
      Optional<String> loginId,
      Optional<RefusedException> refusal) {

    /**
     * The redirect URI with the outcome in its fragment, which browsers keep out of requests and
     * server logs: {@code outcome=success} with the token or the {@code loginId}, or {@code
     * outcome=error} with a {@code code} and {@code message}.
     */
    public URI redirect() {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("outcome", refusal.isPresent() ? "error" : "success");
      refusal.ifPresent(
          r -> {
            values.put("code", r.refusal().code());
            values.put("message", r.getMessage());
          });
      token.ifPresent(
          t -> {
            values.put("elevatedAccessToken", t.elevatedAccessToken());
            values.put("tokenId", t.tokenId().value());
            values.put(
                "scopes",
                t.scopes().stream().map(Scope::wire).sorted().collect(Collectors.joining(" ")));
            values.put("singleUse", Boolean.toString(t.singleUse()));
            values.put("expiresAt", t.expiresAt().toString());
          });
      loginId.ifPresent(id -> values.put("loginId", id));
      return URI.create(
          redirectUri
              + "#"
              + values.entrySet().stream()
                  .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                  .collect(Collectors.joining("&")));
    }

    @Override
    public String toString() {
      return "Outcome[" + refusal.map(r -> r.refusal().code()).orElse("success") + "]";
    }
  }

  /** The query the provider sent the browser back with. */
  record ProviderAnswer(String state, String code, String error) {}
}
