package dev.stepup.domain.method;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A way a user proves possession during step-up, as an environment enables it. */
public enum VerificationMethod {
  EMAIL_OTP("email_otp", AuthenticationPath.REAUTH, List.of("otp", "email")),
  SMS_OTP("sms_otp", AuthenticationPath.REAUTH, List.of("otp", "sms")),
  WALLET("wallet", AuthenticationPath.REAUTH, List.of("swk", "wallet")),
  SOCIAL("social", AuthenticationPath.REAUTH, List.of("fed")),
  PASSKEY("passkey", AuthenticationPath.MFA, List.of("hwk", "user")),
  TOTP("totp", AuthenticationPath.MFA, List.of("otp", "totp")),
  RECOVERY_CODE("recovery_code", AuthenticationPath.MFA, List.of("kba", "recovery_code"));

  private final String wire;
  private final AuthenticationPath path;
  private final List<String> amr;

  VerificationMethod(String wire, AuthenticationPath path, List<String> amr) {
    this.wire = wire;
    this.path = path;
    this.amr = amr;
  }

  /** The name used in configuration, audit records and APIs, e.g. {@code email_otp}. */
  public String wire() {
    return wire;
  }

  public AuthenticationPath path() {
    return path;
  }

  /**
   * Authentication method references for the token's {@code amr} claim: RFC 8176 values first, then
   * a product-specific value naming the method where RFC 8176 has none.
   */
  public List<String> amr() {
    return amr;
  }

  public static Optional<VerificationMethod> fromWire(String wire) {
    return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst();
  }

  @Override
  public String toString() {
    return wire;
  }
}
