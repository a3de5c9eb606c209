package dev.stepup.domain.operation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A non-negative amount of a currency or asset ({@code EUR}, {@code ETH}, {@code USDC}): what an
 * operation moves, or the most a bound token lets it move.
 */
public record Amount(BigDecimal value, String asset) {

  /** Digits that any real amount fits, and no more: a cap is not a place for a novel. */
  private static final int MAX_PRECISION = 40;

  public Amount {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(asset, "asset");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("amount: must not be negative");
    }
    if (value.precision() > MAX_PRECISION || value.scale() > 18 || value.scale() < -MAX_PRECISION) {
      throw new IllegalArgumentException("amount: at most 40 digits and 18 decimals");
    }
    if (!asset.matches("[A-Z][A-Z0-9]{1,11}")) {
      throw new IllegalArgumentException(
          "asset: an upper-case currency or asset code of 2 to 12 letters or digits (EUR, ETH)");
    }
    value = value.stripTrailingZeros();
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
  }

  /** Reads a decimal written as text ({@code "100.50"}), which keeps every digit exact. */
  public static Amount parse(String value, String asset) {
    Objects.requireNonNull(value, "value");
    if (!value.strip().matches("[0-9]{1,40}(\\.[0-9]{1,18})?")) {
      throw new IllegalArgumentException("amount: a non-negative decimal such as 100.50");
    }
    return new Amount(new BigDecimal(value.strip()), asset);
  }

  /** Whether this amount, of the same asset, is no more than {@code cap}. */
  public boolean within(Amount cap) {
    return asset.equals(cap.asset) && value.compareTo(cap.value) <= 0;
  }

  /** The amount as {@code 100.5 EUR}. */
  public String display() {
    return value.toPlainString() + " " + asset;
  }
}
