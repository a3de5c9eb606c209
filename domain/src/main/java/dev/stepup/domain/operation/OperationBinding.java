package dev.stepup.domain.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * The one operation an elevated token is bound to, chosen when the user verified: the resource
 * (e.g. a wallet id), the SHA-256 digest of the message or transaction, and the most it may move.
 * Each part that is present must match; a binding names at least one.
 */
public record OperationBinding(
    Optional<String> resource, Optional<OperationDigest> digest, Optional<Amount> amountCap) {

  /** Longest resource id a binding takes (the tokens table stores up to this). */
  public static final int MAX_RESOURCE_LENGTH = 128;

  public OperationBinding {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(amountCap, "amountCap");
    resource.ifPresent(OperationBinding::requireResource);
    if (resource.isEmpty() && digest.isEmpty() && amountCap.isEmpty()) {
      throw new IllegalArgumentException(
          "operation: bind to at least one of resource, digest or amount cap");
    }
  }

  static void requireResource(String resource) {
    if (resource.isBlank()
        || resource.length() > MAX_RESOURCE_LENGTH
        || !resource.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "resource: 1 to " + MAX_RESOURCE_LENGTH + " visible ASCII characters, no spaces");
    }
  }

  /**
   * Why {@code operation} is not the one bound to, or empty when it is: the same resource, the same
   * digest, and an amount of the cap's asset no larger than the cap. An operation that leaves out a
   * bound part does not match: an action that cannot say what it does cannot spend a bound token.
   */
  public Optional<BindingMismatch> mismatch(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    if (operation.isUnnamed()) {
      return Optional.of(BindingMismatch.OPERATION_NOT_NAMED);
    }
    if (resource.isPresent() && !resource.equals(operation.resource())) {
      return Optional.of(BindingMismatch.RESOURCE_DIFFERS);
    }
    if (digest.isPresent() && !digest.equals(operation.digest())) {
      return Optional.of(BindingMismatch.DIGEST_DIFFERS);
    }
    if (amountCap.isPresent()
        && !operation.amount().map(a -> a.within(amountCap.get())).orElse(false)) {
      return Optional.of(BindingMismatch.AMOUNT_OVER_CAP);
    }
    return Optional.empty();
  }
}
