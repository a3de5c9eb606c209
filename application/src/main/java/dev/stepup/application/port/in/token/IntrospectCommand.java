package dev.stepup.application.port.in.token;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * A token presented by a host backend, optionally for one scope; with {@code consume} a single-use
 * token is spent atomically. {@code operation} is what the host is about to do: a token bound to
 * another operation is refused and not spent; a consuming call that names none cannot spend a bound
 * token.
 */
public record IntrospectCommand(
    EnvironmentId environmentId,
    String token,
    Optional<Scope> scope,
    boolean consume,
    RequestOrigin origin,
    Optional<Operation> operation) {
  public IntrospectCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(operation, "operation");
  }

  /** A call that names no operation. */
  public IntrospectCommand(
      EnvironmentId environmentId,
      String token,
      Optional<Scope> scope,
      boolean consume,
      RequestOrigin origin) {
    this(environmentId, token, scope, consume, origin, Optional.empty());
  }

  @Override
  public String toString() {
    return "IntrospectCommand[environmentId=" + environmentId + ", scope=" + scope + "]";
  }
}
