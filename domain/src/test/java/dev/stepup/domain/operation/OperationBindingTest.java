package dev.stepup.domain.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationBindingTest {

  private static final OperationDigest X = sha256("pay 10 ETH to 0xabc");
  private static final OperationDigest Y = sha256("pay 10 ETH to 0xevil");

  static OperationDigest sha256(String message) {
    try {
      return OperationDigest.of(
          MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static OperationBinding walletA() {
    return new OperationBinding(Optional.of("wal_A"), Optional.empty(), Optional.empty());
  }

  @Test
  void theBoundOperationMatches() {
    OperationBinding binding =
        new OperationBinding(
            Optional.of("wal_A"), Optional.of(X), Optional.of(Amount.parse("100", "ETH")));

    Operation operation =
        Operation.on("wal_A").withDigest(X).withAmount(Optional.of(Amount.parse("100.00", "ETH")));

    assertThat(binding.mismatch(operation)).isEmpty();
  }

  @Test
  void aTokenBoundToWalletAIsNoUseOnWalletB() {
    assertThat(walletA().mismatch(Operation.on("wal_B")))
        .contains(BindingMismatch.RESOURCE_DIFFERS);
    assertThat(walletA().mismatch(Operation.unnamed()))
        .contains(BindingMismatch.OPERATION_NOT_NAMED);
  }

  @Test
  void aTokenBoundToMessageXCannotSignMessageY() {
    OperationBinding binding =
        new OperationBinding(Optional.of("wal_A"), Optional.of(X), Optional.empty());

    assertThat(binding.mismatch(Operation.on("wal_A").withDigest(Y)))
        .contains(BindingMismatch.DIGEST_DIFFERS);
    assertThat(binding.mismatch(Operation.on("wal_A"))).contains(BindingMismatch.DIGEST_DIFFERS);
  }

  @Test
  void anAmountOneUnitAboveTheCapIsRefused() {
    OperationBinding binding =
        new OperationBinding(
            Optional.empty(), Optional.empty(), Optional.of(Amount.parse("100", "EUR")));

    assertThat(binding.mismatch(amount("100", "EUR"))).isEmpty();
    assertThat(binding.mismatch(amount("101", "EUR"))).contains(BindingMismatch.AMOUNT_OVER_CAP);
    assertThat(binding.mismatch(amount("100.000000000000000001", "EUR")))
        .contains(BindingMismatch.AMOUNT_OVER_CAP);
    assertThat(binding.mismatch(amount("1", "USD"))).contains(BindingMismatch.AMOUNT_OVER_CAP);
    assertThat(binding.mismatch(Operation.unnamed())).contains(BindingMismatch.OPERATION_NOT_NAMED);
    assertThat(binding.mismatch(Operation.on("wal_A"))).contains(BindingMismatch.AMOUNT_OVER_CAP);
  }

  private static Operation amount(String value, String asset) {
    return Operation.unnamed().withAmount(Optional.of(Amount.parse(value, asset)));
  }

  @Test
  void aDigestIsReadInHexOrBase64url() {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) 0xAB;
    OperationDigest digest = OperationDigest.of(bytes);

    assertThat(OperationDigest.parse(digest.hex().toUpperCase())).isEqualTo(digest);
    assertThat(OperationDigest.parse(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
        .isEqualTo(digest);
    assertThat(digest.shortened()).isEqualTo("ab0000000000…");
  }

  @Test
  void aMalformedBindingIsRefused() {
    assertThatThrownBy(() -> OperationDigest.parse("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("digest:");
    assertThatThrownBy(() -> OperationDigest.parse("g".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.parse("-1", "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("amount:");
    assertThatThrownBy(() -> Amount.parse("1e9", "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.parse("1", "eur"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("asset:");
    assertThatThrownBy(
            () -> new OperationBinding(Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("operation:");
    assertThatThrownBy(
            () -> new OperationBinding(Optional.of("a b"), Optional.empty(), Optional.empty()))
        .hasMessageStartingWith("resource:");
    assertThatThrownBy(
            () ->
                new OperationBinding(
                    Optional.of("x".repeat(129)), Optional.empty(), Optional.empty()))
        .hasMessageStartingWith("resource:");
  }
}
