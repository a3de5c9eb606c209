package dev.stepup.application.port.out.security;

/**
 * One-way protection of secrets the server must recognise later but never reveal: slow hashes for
 * human-chosen passwords, keyed digests for high-entropy secrets looked up by value.
 */
public interface SecretHasher {

  /** A salted, deliberately slow hash of a password (for admin accounts). */
  String hashPassword(CharSequence password);

  /** Whether {@code password} matches {@code hash}, compared in constant time. */
  boolean passwordMatches(CharSequence password, String hash);

  /**
   * A deterministic digest of a high-entropy secret (session tokens, API keys, one-time codes with
   * their context), so it can be looked up without storing the secret.
   */
  String digest(CharSequence secret);

  /** Whether {@code secret} has {@code digest}, compared in constant time. */
  boolean digestMatches(CharSequence secret, String digest);
}
