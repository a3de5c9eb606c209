package dev.stepup.application.port.out.mfa;

/** What an authenticator app needs to enrol a TOTP secret. */
public interface TotpProvisioning {

  /** The secret in RFC 4648 Base32 without padding, as users type it. */
  String base32(byte[] secret);

  /** An {@code otpauth://totp/…} URI (SHA-1, 6 digits, 30 s) labelled {@code issuer:account}. */
  String otpauthUri(String issuer, String account, byte[] secret);
}
