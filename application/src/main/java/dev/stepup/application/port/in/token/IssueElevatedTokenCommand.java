package dev.stepup.application.port.in.token;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who gets a token for which scopes, and how they proved it.
 *
 * @param method empty when a host backend issues the token for its own signed-in user
 * @param operation the one operation the token may be spent on, if bound
 */
public record IssueElevatedTokenCommand(
    EnvironmentId environmentId,
    UserId userId,
    Optional<SessionId> sessionId,
    Set<Scope> scopes,
    Optional<VerificationMethod> method,
    RequestOrigin origin,
    Optional<OperationBinding> operation) {
  public IssueElevatedTokenCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(scopes, "scopes");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("at least one scope must be requested");
    }
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(operation, "operation");
  }

  /** A token good for any operation. */
  public IssueElevatedTokenCommand(
      EnvironmentId environmentId,
      UserId userId,
      Optional<SessionId> sessionId,
      Set<Scope> scopes,
      Optional<VerificationMethod> method,
      RequestOrigin origin) {
    this(environmentId, userId, sessionId, scopes, method, origin, Optional.empty());
  }
}
