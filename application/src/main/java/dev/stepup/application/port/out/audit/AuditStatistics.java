package dev.stepup.application.port.out.audit;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Counts of audited events, for the console's dashboard. */
public interface AuditStatistics {

  /** The environment's events since {@code since}, counted by type, outcome and method. */
  List<Count> countSince(EnvironmentId environmentId, Instant since);

  /**
   * The environment's events of one type since {@code since}, counted per scope they name and
   * reason (an event naming several scopes counts once for each).
   */
  List<ScopeCount> countByScopeSince(
      EnvironmentId environmentId, AuditEventType type, Instant since);

  /** How many events named one scope with one reason. */
  record ScopeCount(Scope scope, Optional<String> reason, long count) {
    public ScopeCount {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** How many events of one type, outcome and method. */
  record Count(
      AuditEventType type,
      AuditEvent.Outcome outcome,
      Optional<VerificationMethod> method,
      long count) {
    public Count {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(method, "method");
    }
  }
}
