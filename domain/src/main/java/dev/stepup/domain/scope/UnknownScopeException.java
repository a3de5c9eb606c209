package dev.stepup.domain.scope;

import java.util.Collection;
import java.util.stream.Collectors;

/** Thrown when a client names a scope the product, or the environment, does not know. */
public final class UnknownScopeException extends IllegalArgumentException {

  private final String requested;

  public UnknownScopeException(String requested) {
    this(requested, Scope.builtIns());
  }

  /** {@code requested} is not among {@code known}, the scopes of the asking environment. */
  public UnknownScopeException(String requested, Collection<Scope> known) {
    super(
        "unknown scope '"
            + requested
            + "'; known scopes are "
            + known.stream().sorted().map(Scope::wire).collect(Collectors.joining(", ")));
    this.requested = requested;
  }

  /** The scope string the client sent. */
  public String requested() {
    return requested;
  }
}
