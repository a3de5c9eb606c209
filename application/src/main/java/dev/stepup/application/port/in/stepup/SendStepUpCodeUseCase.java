package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;

/**
 * Sends a one-time code to the user's email or phone: the credential named, else the session's
 * sign-in credential when it can receive codes, else the first that can.
 */
public interface SendStepUpCodeUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException for MFA users ({@code mfa_required}),
   *     ineligible credentials, a disabled method, a throttled resend or a locked method
   */
  CodeSent send(SendStepUpCodeCommand command);

  /** Where the code went: {@code channel} is EMAIL_OTP or SMS_OTP. */
  record CodeSent(VerificationMethod channel, CredentialId credentialId) {}
}
