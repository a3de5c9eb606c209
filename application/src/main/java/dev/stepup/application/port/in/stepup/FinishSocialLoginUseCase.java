package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.domain.session.SessionId;
import java.util.Optional;

/**
 * Completes a social login with the provider's answer: a step-up login ends in an elevated token, a
 * link login in a {@code loginId} to link.
 */
public interface FinishSocialLoginUseCase {

  /**
   * @throws RefusedException when {@code state} names no login of this provider, or a login of
   *     another session than the command's (there is then nowhere safe to send the browser)
   */
  Outcome finish(FinishSocialLoginCommand command);

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

    @Override
    public String toString() {
      return "Outcome[" + refusal.map(r -> r.refusal().code()).orElse("success") + "]";
    }
  }

  /** The query the provider sent the browser back with. */
  record ProviderAnswer(String state, String code, String error) {}
}
