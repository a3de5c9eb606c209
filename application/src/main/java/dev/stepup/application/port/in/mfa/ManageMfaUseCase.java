package dev.stepup.application.port.in.mfa;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import java.util.List;
import java.util.Optional;

/**
 * A user's MFA: TOTP enrolment, recovery codes, the default device. Enrolment and new recovery
 * codes need an elevated token for {@code credential:link}; enrolling revokes the user's
 * outstanding elevated tokens, since they were earned under weaker rules.
 */
public interface ManageMfaUseCase {

  /** Starts TOTP enrolment: a pending device whose secret is shown to the user once. */
  TotpEnrolment startTotpEnrolment(
      SessionContext context, Optional<String> alias, Optional<String> elevatedToken);

  /**
   * Confirms a pending device with a first code. Returns recovery codes when this is the user's
   * first MFA device (shown once), else an empty list.
   */
  List<String> confirmTotp(SessionContext context, CredentialId deviceId, String code);

  /** Replaces the user's recovery codes; the old ones stop working. */
  List<String> regenerateRecoveryCodes(SessionContext context, Optional<String> elevatedToken);

  /**
   * Makes an MFA device the one step-up offers first; an MFA change, so it needs an elevated token
   * for {@code credential:link} like enrolment.
   */
  void chooseDefault(
      SessionContext context, CredentialId credentialId, Optional<String> elevatedToken);

  /**
   * A pending TOTP device and what the authenticator app needs: the secret, the {@code otpauth://}
   * URI, and that URI as a QR code PNG.
   */
  record TotpEnrolment(
      CredentialId deviceId, String secretBase32, String otpauthUri, byte[] qrCodePng) {
    @Override
    public String toString() {
      return "TotpEnrolment[deviceId=" + deviceId + "]";
    }
  }
}
