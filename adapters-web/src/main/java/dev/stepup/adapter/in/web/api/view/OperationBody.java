package dev.stepup.adapter.in.web.api.view;

import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * An operation on the wire: in a verify request, what the token is bound to ({@code maxAmount} a
 * cap); in an introspection, what the host backend is about to do ({@code amount} what it moves).
 */
@Schema(
    description =
        "One operation: the resource it acts on (e.g. a wallet id), the SHA-256 of the exact"
            + " message or transaction (64 hex digits or 43 base64url characters), and an amount."
            + " In a verify request it binds the token (`maxAmount` is the cap); in an"
            + " introspection it names what the host is about to do (`amount`).")
public record OperationBody(
    @Size(max = 128) @Schema(example = "wal_3f9c") String resource,
    @Size(max = 64)
        @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String digest,
    @Valid @Schema(description = "verify requests: the most the operation may move")
        OperationAmount maxAmount,
    @Valid @Schema(description = "introspection: what the operation moves")
        OperationAmount amount) {

  /** An exact decimal as text, with its currency or asset code. */
  public record OperationAmount(
      @Size(max = 60) @Schema(example = "100.50") String value,
      @Size(max = 12) @Schema(example = "EUR") String asset) {
    public Amount toAmount() {
      if (value == null || asset == null) {
        throw new IllegalArgumentException("amount: give both value and asset");
      }
      return Amount.parse(value, asset);
    }
  }

  /** A binding as introspection and the console describe it. */
  public static OperationBody of(OperationBinding binding) {
    return new OperationBody(
        binding.resource().orElse(null),
        binding.digest().map(OperationDigest::hex).orElse(null),
        binding
            .amountCap()
            .map(a -> new OperationAmount(a.value().toPlainString(), a.asset()))
            .orElse(null),
        null);
  }

  /** The binding a verify request asks for (a 400 names what is malformed). */
  public static Optional<OperationBinding> binding(OperationBody body) {
    if (body == null) {
      return Optional.empty();
    }
    if (body.amount != null) {
      throw new IllegalArgumentException("operation: a binding takes maxAmount, not amount");
    }
    return Optional.of(
        new OperationBinding(
            resource(body),
            digest(body),
            Optional.ofNullable(body.maxAmount).map(OperationAmount::toAmount)));
  }

  /** The operation a host backend is about to perform, named in an introspection. */
  public static Optional<Operation> operation(OperationBody body) {
    if (body == null) {
      return Optional.empty();
    }
    if (body.maxAmount != null) {
      throw new IllegalArgumentException("operation: name the amount moved, not maxAmount");
    }
    return Optional.of(
        new Operation(
            resource(body),
            digest(body),
            Optional.ofNullable(body.amount).map(OperationAmount::toAmount)));
  }

  private static Optional<String> resource(OperationBody body) {
    return Optional.ofNullable(body.resource);
  }

  private static Optional<OperationDigest> digest(OperationBody body) {
    return Optional.ofNullable(body.digest).map(OperationDigest::parse);
  }
}
