package dev.stepup.adapter.out.crypto.secret;

import dev.stepup.application.port.out.security.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords with BCrypt (cost 12): slow on purpose, since people choose guessable ones.
 * High-entropy secrets (tokens, API keys, codes bound to their context) with HMAC-SHA-256 under a
 * server pepper: deterministic so they can be looked up, and useless to anyone who steals only the
 * database.
 */
public final class BcryptHmacSecretHasher implements SecretHasher {

  private static final int BCRYPT_COST = 12;

  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(BCRYPT_COST);
  private final SecretKeySpec pepper;
  // A keyed Mac per thread: building and keying one per digest cost more than the digest.
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public BcryptHmacSecretHasher(byte[] pepper) {
    if (pepper.length < 32) {
      throw new IllegalArgumentException("the pepper must be at least 32 bytes");
    }
    this.pepper = new SecretKeySpec(pepper.clone(), "HmacSHA256");
  }

  @Override
  public String hashPassword(CharSequence password) {
    return bcrypt.encode(password);
  }

  @Override
  public boolean passwordMatches(CharSequence password, String hash) {
    if (password == null || hash == null || hash.isEmpty()) {
      return false;
    }
    return bcrypt.matches(password, hash);
  }

  @Override
  public String digest(CharSequence secret) {
    return HexFormat.of()
        .formatHex(macs.get().doFinal(secret.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(pepper);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
    }
  }

  @Override
  public boolean digestMatches(CharSequence secret, String digest) {
    if (secret == null || digest == null) {
      return false;
    }
    return MessageDigest.isEqual(
        digest(secret).getBytes(StandardCharsets.US_ASCII),
        digest.getBytes(StandardCharsets.US_ASCII));
  }
}
