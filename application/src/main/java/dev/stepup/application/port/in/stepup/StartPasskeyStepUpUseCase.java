package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.in.mfa.PasskeyUseCase;

/**
 * Starts a passkey assertion for step-up: the browser's options, allowing only the passkeys the
 * user holds; {@link VerifyStepUpUseCase} takes the answer.
 */
public interface StartPasskeyStepUpUseCase {

  PasskeyUseCase.Options start(StartPasskeyStepUpCommand command);
}
