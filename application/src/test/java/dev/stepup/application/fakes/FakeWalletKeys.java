package dev.stepup.application.fakes;

import dev.stepup.application.port.out.wallet.WalletKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic stand-in for Ethereum keys: the "address" is derived from the private key by
 * SHA-256, the "signature" from key and message. The product uses web3j in the crypto adapter.
 */
public final class FakeWalletKeys implements WalletKeys {

  @Override
  public NewKey create() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return new NewKey(addressOf(key), key);
  }

  @Override
  public String addressOf(byte[] privateKey) {
    return "0x" + HexFormat.of().formatHex(sha256(privateKey), 0, 20);
  }

  @Override
  public String personalSign(byte[] privateKey, String message) {
    byte[] material =
        (HexFormat.of().formatHex(privateKey) + message).getBytes(StandardCharsets.UTF_8);
    return "0x" + HexFormat.of().formatHex(sha256(material));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
