package dev.stepup.adapter.out.crypto.secret;

import dev.stepup.application.port.out.security.SecretCipher;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per message, under a ring of keys: the first seals, every
 * one opens, so secrets sealed under an earlier master key stay readable while they are resealed.
 * Output: a version byte (2), the sealing key's 4-byte id, the nonce, then the ciphertext with its
 * 128-bit tag; the version and key id are authenticated. Version 1 (no key id) is still opened.
 */
public final class AesGcmSecretCipher implements SecretCipher {

  private static final byte LEGACY = 1;
  private static final byte VERSION = 2;
  private static final int KEY_ID_BYTES = 4;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private record RingKey(byte[] id, SecretKeySpec spec) {}

  private final List<RingKey> ring = new ArrayList<>();
  private final SecureRandom random = new SecureRandom();

  /** One key: seals and opens. */
  public AesGcmSecretCipher(byte[] key) {
    this(List.of(key));
  }

  /** The first key seals; all open. */
  public AesGcmSecretCipher(List<byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one key is needed");
    }
    for (byte[] key : keys) {
      if (key.length != 32) {
        throw new IllegalArgumentException("AES-256 needs a 32-byte key");
      }
      ring.add(new RingKey(idOf(key), new SecretKeySpec(key.clone(), "AES")));
    }
  }

  @Override
  public byte[] encrypt(byte[] plaintext) {
    RingKey sealing = ring.get(0);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] header = ByteBuffer.allocate(1 + KEY_ID_BYTES).put(VERSION).put(sealing.id()).array();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealing.spec(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length)
          .put(header)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext) {
    if (ciphertext.length > 0 && ciphertext[0] == LEGACY) {
      return openLegacy(ciphertext);
    }
    int headerLength = 1 + KEY_ID_BYTES;
    if (ciphertext.length < headerLength + NONCE_BYTES + TAG_BITS / 8 || ciphertext[0] != VERSION) {
      throw new IllegalStateException("not a ciphertext of this server");
    }
    byte[] id = Arrays.copyOfRange(ciphertext, 1, headerLength);
    RingKey key =
        ring.stream()
            .filter(k -> MessageDigest.isEqual(k.id(), id))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the secret was sealed with a master key this server was not given"));
    return open(key, ciphertext, headerLength, Arrays.copyOf(ciphertext, headerLength));
  }

  @Override
  public boolean isSealedWithCurrentKey(byte[] ciphertext) {
    return ciphertext.length > 1 + KEY_ID_BYTES
        && ciphertext[0] == VERSION
        && MessageDigest.isEqual(
            ring.get(0).id(), Arrays.copyOfRange(ciphertext, 1, 1 + KEY_ID_BYTES));
  }

  private byte[] openLegacy(byte[] ciphertext) {
    if (ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("not a ciphertext of this server");
    }
    for (RingKey key : ring) {
      try {
        return open(key, ciphertext, 1, new byte[] {LEGACY});
      } catch (IllegalStateException notThisKey) {
        // Version 1 names no key: try the next one.
      }
    }
    throw altered();
  }

  private static byte[] open(RingKey key, byte[] ciphertext, int nonceAt, byte[] aad) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.spec(),
          new GCMParameterSpec(TAG_BITS, ciphertext, nonceAt, NONCE_BYTES));
      cipher.updateAAD(aad);
      int body = nonceAt + NONCE_BYTES;
      return cipher.doFinal(ciphertext, body, ciphertext.length - body);
    } catch (GeneralSecurityException e) {
      throw altered();
    }
  }

  private static IllegalStateException altered() {
    return new IllegalStateException(
        "the secret could not be decrypted: it was altered or made with another master key");
  }

  /** A short public name for a key: the start of its SHA-256 under a fixed label. */
  private static byte[] idOf(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("stepup key id".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return Arrays.copyOf(sha.digest(key), KEY_ID_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
