package dev.stepup.adapter.out.crypto.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.stepup.application.port.out.verification.TotpVerifier;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP: HMAC-SHA-1, 30-second steps, 6 digits; the current step and one step back (a code
 * for a later step is refused: it would let a code read off a device be used in the future).
 */
public final class RfcTotpVerifier implements TotpVerifier {

  static final Duration STEP = Duration.ofSeconds(30);
  static final int DIGITS = 6;
  static final int STEPS_BACK = 1;

  private final TimeBasedOneTimePasswordGenerator generator;
  private final SecureRandom random = new SecureRandom();

  public RfcTotpVerifier() {
    this(DIGITS);
  }

  RfcTotpVerifier(int digits) {
    this.generator =
        new TimeBasedOneTimePasswordGenerator(
            STEP, digits, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
  }

  @Override
  public byte[] newSecret() {
    byte[] secret = new byte[20];
    random.nextBytes(secret);
    return secret;
  }

  @Override
  public OptionalLong matchingTimeStep(byte[] secret, String code, Instant now) {
    if (code == null) {
      return OptionalLong.empty();
    }
    SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA1");
    long step = now.getEpochSecond() / STEP.getSeconds();
    byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
    OptionalLong match = OptionalLong.empty();
    // Check every candidate step, so the time taken does not depend on which one matched.
    for (long s = step - STEPS_BACK; s <= step; s++) {
      if (MessageDigest.isEqual(codeAt(key, s).getBytes(StandardCharsets.US_ASCII), typed)
          && match.isEmpty()) {
        match = OptionalLong.of(s);
      }
    }
    return match;
  }

  /** The code for a time step, zero-padded. */
  String codeAt(SecretKeySpec key, long step) {
    try {
      int otp =
          generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
      return String.format("%0" + generator.getPasswordLength() + "d", otp);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("unusable TOTP secret", e);
    }
  }
}
