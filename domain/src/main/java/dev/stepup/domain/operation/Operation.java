package dev.stepup.domain.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * What a protected action is about to do, as the action itself establishes it: the resource it acts
 * on, the digest of the message or transaction it computed from what it will actually sign, and the
 * amount it moves. A bound token is spent only on the operation it was bound to.
 */
public record Operation(
    Optional<String> resource, Optional<OperationDigest> digest, Optional<Amount> amount) {

  public Operation {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(amount, "amount");
    resource.ifPresent(OperationBinding::requireResource);
  }

  /** An action that names no operation (a protected action without a resource of its own). */
  public static Operation unnamed() {
    return new Operation(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Whether nothing about the operation was named: no resource, digest or amount. */
  public boolean isUnnamed() {
    return resource.isEmpty() && digest.isEmpty() && amount.isEmpty();
  }

  /** An action on one resource, e.g. exporting the key of one wallet. */
  public static Operation on(String resource) {
    return new Operation(Optional.of(resource), Optional.empty(), Optional.empty());
  }

  public Operation withDigest(OperationDigest digest) {
    return new Operation(resource, Optional.of(digest), amount);
  }

  public Operation withAmount(Optional<Amount> amount) {
    return new Operation(resource, digest, amount);
  }
}
