package dev.stepup.domain.scope;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Thrown when a client names a scope the product does not know. */
public final class UnknownScopeException extends IllegalArgumentException {

  private final String requested;

  public UnknownScopeException(String requested) {
    super(
        "unknown scope '"
            + requested
            + "'; known scopes are "
            + Arrays.stream(Scope.values()).map(Scope::wire).collect(Collectors.joining(", ")));
    this.requested = requested;
  }

  /** The scope string the client sent. */
  public String requested() {
    return requested;
  }
}
