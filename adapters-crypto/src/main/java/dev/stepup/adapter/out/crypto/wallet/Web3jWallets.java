package dev.stepup.adapter.out.crypto.wallet;

import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.application.port.out.wallet.WalletKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Ethereum keys and EIP-191 {@code personal_sign} signatures with web3j. */
public final class Web3jWallets implements WalletKeys, WalletSignatures {

  @Override
  public NewKey create() {
    try {
      ECKeyPair pair = Keys.createEcKeyPair();
      return new NewKey(
          Keys.toChecksumAddress(Keys.getAddress(pair)),
          Numeric.toBytesPadded(pair.getPrivateKey(), 32));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not create a wallet key", e);
    }
  }

  @Override
  public String addressOf(byte[] privateKey) {
    ECKeyPair pair = ECKeyPair.create(privateKey);
    return Keys.toChecksumAddress(Keys.getAddress(pair));
  }

  @Override
  public String personalSign(byte[] privateKey, String message) {
    Sign.SignatureData sig =
        Sign.signPrefixedMessage(
            message.getBytes(StandardCharsets.UTF_8), ECKeyPair.create(privateKey));
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return Numeric.toHexString(out);
  }

  @Override
  public String checksumAddress(String address) {
    return org.web3j.crypto.Keys.toChecksumAddress(address);
  }

  @Override
  public Optional<String> recoverSigner(String message, String signatureHex) {
    if (message == null || signatureHex == null) {
      return Optional.empty();
    }
    try {
      byte[] sig = Numeric.hexStringToByteArray(signatureHex.strip());
      if (sig.length != 65) {
        return Optional.empty();
      }
      byte v = sig[64];
      if (v < 27) {
        v += 27;
      }
      if (v != 27 && v != 28) {
        return Optional.empty();
      }
      Sign.SignatureData data =
          new Sign.SignatureData(
              v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
      BigInteger publicKey =
          Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
      return Optional.of("0x" + Keys.getAddress(publicKey).toLowerCase(Locale.ROOT));
    } catch (SignatureException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
