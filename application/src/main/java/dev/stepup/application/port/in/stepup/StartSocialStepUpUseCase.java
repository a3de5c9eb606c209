package dev.stepup.application.port.in.stepup;

import java.net.URI;

/**
 * Re-authentication with a social (OpenID Connect) provider: answers the provider URL to send the
 * browser to; {@link FinishSocialLoginUseCase} takes the provider's answer.
 */
public interface StartSocialStepUpUseCase {

  URI start(StartSocialStepUpCommand command);
}
