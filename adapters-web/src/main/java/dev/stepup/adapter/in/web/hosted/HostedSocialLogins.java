package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.PublicUrl;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SocialStepUpUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Social logins started from a hosted page: the provider sends the browser back to that page's own
 * callback, where the login must belong to this browser's session.
 */
@Component
class HostedSocialLogins {

  private final SocialStepUpUseCase social;
  private final PublicUrl publicUrl;

  HostedSocialLogins(SocialStepUpUseCase social, PublicUrl publicUrl) {
    this.social = social;
    this.publicUrl = publicUrl;
  }

  /** The callback under {@code pagePath} (e.g. the account page) for {@code provider}. */
  String callback(HttpServletRequest request, String pagePath, String provider) {
    return publicUrl.of(request)
        + pagePath
        + "/social/"
        + HostedPaths.encode(provider)
        + "/callback";
  }

  /**
   * Completes the login with the provider's answer.
   *
   * @throws RefusedException when the answer names no login, or a login of another session
   */
  SocialStepUpUseCase.Outcome finish(
      SessionContext context,
      String provider,
      SocialStepUpUseCase.ProviderAnswer answer,
      String callbackUri) {
    EnvironmentId environment = context.environmentId();
    SocialStepUpUseCase.Outcome outcome =
        social.callback(environment, provider, answer, callbackUri, context.origin());
    if (!outcome.sessionId().equals(context.sessionId())) {
      throw new RefusedException(
          Refusal.UNKNOWN_CHALLENGE,
          "That sign-in was started in another browser session; start again here.");
    }
    return outcome;
  }
}
