package dev.stepup.application.port.out.wallet;

/** Ethereum key pairs for server-held wallets: creation and signing. */
public interface WalletKeys {

  /** A new secp256k1 key pair. */
  NewKey create();

  /** The EIP-55 checksummed address of a private key. */
  String addressOf(byte[] privateKey);

  /** An EIP-191 {@code personal_sign} signature of {@code message}, 0x-prefixed hex (65 bytes). */
  String personalSign(byte[] privateKey, String message);

  /** A fresh key pair: the address (EIP-55) and the 32-byte private key. */
  record NewKey(String address, byte[] privateKey) {
    @Override
    public String toString() {
      return "NewKey[address=" + address + "]";
    }
  }
}
