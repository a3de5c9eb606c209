package dev.stepup.application.fakes;

import dev.stepup.application.port.out.security.SecretCipher;
import java.util.Arrays;

/**
 * A reversible stand-in for encryption that makes ciphertext differ from plaintext, so tests can
 * see that services never store secrets as given. Not encryption.
 */
public final class XorSecretCipher implements SecretCipher {
  private static final byte MARK = 0x5a;

  @Override
  public byte[] encrypt(byte[] plaintext) {
    byte[] out = new byte[plaintext.length + 1];
    out[0] = MARK;
    for (int i = 0; i < plaintext.length; i++) {
      out[i + 1] = (byte) (plaintext[i] ^ 0x3c);
    }
    return out;
  }

  @Override
  public boolean isSealedWithCurrentKey(byte[] ciphertext) {
    return ciphertext.length > 0 && ciphertext[0] == MARK;
  }

  @Override
  public byte[] decrypt(byte[] ciphertext) {
    if (ciphertext.length == 0 || ciphertext[0] != MARK) {
      throw new IllegalStateException("not produced by this cipher");
    }
    byte[] out = Arrays.copyOfRange(ciphertext, 1, ciphertext.length);
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (out[i] ^ 0x3c);
    }
    return out;
  }
}
