package dev.stepup.domain.credential;

import dev.stepup.domain.method.VerificationMethod;
import java.util.Arrays;
import java.util.Optional;

/** What kind of thing a credential is, with the wire name the SDKs use. */
public enum CredentialFormat {
  EMAIL("email", VerificationMethod.EMAIL_OTP),
  PHONE_NUMBER("phoneNumber", VerificationMethod.SMS_OTP),
  OAUTH("oauth", VerificationMethod.SOCIAL),
  BLOCKCHAIN("blockchain", VerificationMethod.WALLET),
  PASSKEY("passkey", VerificationMethod.PASSKEY),
  TOTP("totp", VerificationMethod.TOTP);

  private final String wire;
  private final VerificationMethod method;

  CredentialFormat(String wire, VerificationMethod method) {
    this.wire = wire;
    this.method = method;
  }

  public String wire() {
    return wire;
  }

  /** The verification method that proves possession of a credential of this format. */
  public VerificationMethod method() {
    return method;
  }

  public static Optional<CredentialFormat> fromWire(String wire) {
    return Arrays.stream(values()).filter(f -> f.wire.equals(wire)).findFirst();
  }

  @Override
  public String toString() {
    return wire;
  }
}
