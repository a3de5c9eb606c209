package dev.stepup.application.port.in.token;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * A token presented by a host backend, optionally for one scope; with {@code consume} a single-use
 * token is spent atomically.
 */
public record IntrospectCommand(
    EnvironmentId environmentId,
    String token,
    Optional<Scope> scope,
    boolean consume,
    RequestOrigin origin) {
  public IntrospectCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return "IntrospectCommand[environmentId=" + environmentId + ", scope=" + scope + "]";
  }
}
