package dev.stepup.application.port.out.verification;

import java.util.Optional;

/** Recovers who signed a message with an Ethereum wallet ({@code personal_sign}, EIP-191). */
public interface WalletSignatures {

  /** The signer's address (lower-case hex with 0x), or empty when the signature is malformed. */
  Optional<String> recoverSigner(String message, String signatureHex);

  /** The EIP-55 mixed-case checksum form of a 0x address. */
  String checksumAddress(String address);
}
