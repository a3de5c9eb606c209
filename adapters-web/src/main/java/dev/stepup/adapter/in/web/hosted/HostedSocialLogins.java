package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.PublicUrl;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginCommand;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Social logins started from a hosted page: the provider sends the browser back to that page's own
 * callback, where the login must belong to this browser's session.
 */
@Component
class HostedSocialLogins {

  private final FinishSocialLoginUseCase social;
  private final PublicUrl publicUrl;

  HostedSocialLogins(FinishSocialLoginUseCase social, PublicUrl publicUrl) {
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
  FinishSocialLoginUseCase.Outcome finish(
      SessionContext context,
      String provider,
      FinishSocialLoginUseCase.ProviderAnswer answer,
      String callbackUri) {
    return social.finish(
        new FinishSocialLoginCommand(
            context.environmentId(),
            provider,
            answer,
            callbackUri,
            context.origin(),
            Optional.of(context.sessionId())));
  }
}
