package dev.stepup.application.port.in.mfa;

import dev.stepup.domain.credential.CredentialId;

/**
 * A pending TOTP device and what the authenticator app needs: the secret, the {@code otpauth://}
 * URI, and that URI as a QR code PNG.
 */
public record TotpEnrolment(
    CredentialId deviceId, String secretBase32, String otpauthUri, byte[] qrCodePng) {

  @Override
  public String toString() {
    return "TotpEnrolment[deviceId=" + deviceId + "]";
  }
}
