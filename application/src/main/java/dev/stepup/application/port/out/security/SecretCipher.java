package dev.stepup.application.port.out.security;

/** Authenticated encryption of secrets kept at rest (TOTP secrets, wallet keys). */
public interface SecretCipher {

  byte[] encrypt(byte[] plaintext);

  /**
   * @throws IllegalStateException when the ciphertext was tampered with or made with another key
   */
  byte[] decrypt(byte[] ciphertext);

  /**
   * Whether the ciphertext is sealed with the key that seals now; anything else is resealed when
   * the master key rotates.
   */
  boolean isSealedWithCurrentKey(byte[] ciphertext);
}
