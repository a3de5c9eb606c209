package dev.stepup.adapter.out.crypto.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.wallet.WalletKeys;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

class Web3jWalletsTest {

  final Web3jWallets wallets = new Web3jWallets();

  @Test
  void newKeysHaveChecksummedAddressesOfTheirPrivateKey() {
    WalletKeys.NewKey key = wallets.create();
    assertThat(key.privateKey()).hasSize(32);
    assertThat(key.address())
        .matches("0x[0-9a-fA-F]{40}")
        .isEqualTo(Keys.toChecksumAddress(key.address()));
    assertThat(wallets.addressOf(key.privateKey())).isEqualTo(key.address());
  }

  @Test
  void personalSignatureRecoversTheSignersAddress() {
    WalletKeys.NewKey key = wallets.create();
    String signature = wallets.personalSign(key.privateKey(), "Sign this");
    assertThat(signature).matches("0x[0-9a-f]{130}");
    assertThat(wallets.recoverSigner("Sign this", signature))
        .contains(key.address().toLowerCase(Locale.ROOT));
    assertThat(wallets.recoverSigner("Sign that", signature))
        .isPresent()
        .get()
        .isNotEqualTo(key.address().toLowerCase(Locale.ROOT));
  }

  @Test
  void signaturesMadeByWeb3jDirectlyRecoverWithEitherVConvention() throws Exception {
    ECKeyPair pair = Keys.createEcKeyPair();
    String address = "0x" + Keys.getAddress(pair);
    Sign.SignatureData sig =
        Sign.signPrefixedMessage("hello".getBytes(StandardCharsets.UTF_8), pair);
    byte[] bytes = new byte[65];
    System.arraycopy(sig.getR(), 0, bytes, 0, 32);
    System.arraycopy(sig.getS(), 0, bytes, 32, 32);
    bytes[64] = sig.getV()[0];
    assertThat(wallets.recoverSigner("hello", Numeric.toHexString(bytes))).contains(address);
    bytes[64] -= 27;
    assertThat(wallets.recoverSigner("hello", Numeric.toHexStringNoPrefix(bytes)))
        .contains(address);
  }

  @Test
  void malformedSignaturesRecoverNobody() {
    assertThat(wallets.recoverSigner("hello", "0x1234")).isEmpty();
    assertThat(wallets.recoverSigner("hello", "not hex at all")).isEmpty();
    assertThat(wallets.recoverSigner("hello", "0x" + "00".repeat(64) + "05")).isEmpty();
    assertThat(wallets.recoverSigner(null, "0x00")).isEmpty();
  }

  @Test
  void addressesAreChecksummedAsEip55Says() {
    assertThat(wallets.checksumAddress("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))
        .isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    assertThat(wallets.checksumAddress("0xFB6916095CA1DF60BB79CE92CE3EA74C37C5D359"))
        .isEqualTo("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
  }
}
