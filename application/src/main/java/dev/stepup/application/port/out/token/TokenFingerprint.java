package dev.stepup.application.port.out.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The SHA-256 of a compact token exactly as it was issued (ADR 0020). A presented token with the
 * fingerprint recorded for its id is that very token, so its signature need not be checked again;
 * the record holds only the digest, from which the token cannot be recovered.
 */
public record TokenFingerprint(String value) {

  public TokenFingerprint {
    Objects.requireNonNull(value, "value");
    if (value.length() != 43) {
      throw new IllegalArgumentException("not a token fingerprint");
    }
  }

  public static TokenFingerprint of(String compactToken) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(compactToken.getBytes(StandardCharsets.US_ASCII));
      return new TokenFingerprint(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Constant-time comparison. */
  public boolean matches(TokenFingerprint other) {
    return other != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.US_ASCII),
            other.value.getBytes(StandardCharsets.US_ASCII));
  }
}
