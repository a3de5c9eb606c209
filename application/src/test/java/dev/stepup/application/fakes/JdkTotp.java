package dev.stepup.application.fakes;

import dev.stepup.application.port.out.mfa.QrCodes;
import dev.stepup.application.port.out.mfa.TotpProvisioning;
import dev.stepup.application.port.out.verification.TotpVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 with the JDK's HMAC-SHA1, for service tests; {@link #codeAt} plays the user's
 * authenticator app. The product uses the crypto adapter's implementation.
 */
public final class JdkTotp implements TotpVerifier, TotpProvisioning, QrCodes {

  @Override
  public byte[] newSecret() {
    byte[] secret = new byte[20];
    new java.security.SecureRandom().nextBytes(secret);
    return secret;
  }

  @Override
  public OptionalLong matchingTimeStep(byte[] secret, String code, Instant now) {
    long step = now.getEpochSecond() / 30;
    for (long s = step - 1; s <= step; s++) {
      if (codeForStep(secret, s).equals(code)) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /** The code an authenticator app shows at {@code at}. */
  public static String codeAt(byte[] secret, Instant at) {
    return codeForStep(secret, at.getEpochSecond() / 30);
  }

  static String codeForStep(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0xf;
      int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String base32(byte[] secret) {
    // Tests only need a reversible rendering; hex stands in for Base32 here.
    return HexFormat.of().formatHex(secret);
  }

  /** The secret a {@link #base32} rendering came from. */
  public static byte[] secretOf(String rendered) {
    return HexFormat.of().parseHex(rendered);
  }

  @Override
  public String otpauthUri(String issuer, String account, byte[] secret) {
    return "otpauth://totp/" + issuer + ":" + account + "?secret=" + base32(secret);
  }

  @Override
  public byte[] png(String text) {
    return ("PNG:" + text).getBytes(StandardCharsets.UTF_8);
  }
}
