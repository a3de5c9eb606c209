package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import java.util.Optional;

/**
 * Sends a one-time code to the user's email or phone: the credential named, else the session's
 * sign-in credential when it can receive codes, else the first that can.
 */
public interface SendOtpUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException for MFA users ({@code mfa_required}),
   *     ineligible credentials, a disabled method, a throttled resend or a locked method
   */
  OtpSent send(SessionContext context, Optional<CredentialId> credentialId);

  /** Where the code went: {@code channel} is EMAIL_OTP or SMS_OTP. */
  record OtpSent(VerificationMethod channel, CredentialId credentialId) {}
}
