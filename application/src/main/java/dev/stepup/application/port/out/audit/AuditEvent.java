package dev.stepup.application.port.out.audit;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One audited happening. It never carries a code, a token or any other secret: {@code reason} is a
 * machine-readable cause such as {@code invalid_code}.
 */
public record AuditEvent(
    Instant at,
    Optional<EnvironmentId> environmentId,
    AuditEventType type,
    Outcome outcome,
    Optional<UserId> userId,
    Optional<SessionId> sessionId,
    Set<Scope> scopes,
    Optional<VerificationMethod> method,
    Optional<String> reason,
    Optional<String> actor,
    RequestOrigin origin) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(origin, "origin");
  }

  /** Whether the audited attempt succeeded. */
  public enum Outcome {
    SUCCESS,
    FAILURE
  }
}
