package dev.stepup.domain.operation;

/**
 * Why an operation is not the one a token is bound to; {@link #wire()} is what audit records say.
 */
public enum BindingMismatch {
  /**
   * The caller named no operation at all (e.g. a consuming introspection without one): a bound
   * token is spent only on the operation it is bound to, never on one nobody named.
   */
  OPERATION_NOT_NAMED("operation_not_named"),
  /** The action acts on another resource (another wallet) than the token's. */
  RESOURCE_DIFFERS("resource_differs"),
  /** The message or transaction the action signs is not the one the token was bound to. */
  DIGEST_DIFFERS("digest_differs"),
  /** The action moves more than the cap, another asset, or does not say what it moves. */
  AMOUNT_OVER_CAP("amount_over_cap");

  private final String wire;

  BindingMismatch(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
