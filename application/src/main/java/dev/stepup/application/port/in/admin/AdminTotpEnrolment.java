package dev.stepup.application.port.in.admin;

/**
 * What the admin's enrolment page shows: the key as typed, the otpauth URI (for its QR code); the
 * secret stays sealed with the caller until a code confirms it.
 */
public record AdminTotpEnrolment(byte[] sealedSecret, String key, String otpauthUri) {

  @Override
  public String toString() {
    return "AdminTotpEnrolment[sealed]";
  }
}
