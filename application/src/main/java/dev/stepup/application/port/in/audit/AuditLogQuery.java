package dev.stepup.application.port.in.audit;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** What an admin filters the audit log by (each optional), and the page wanted, counting from 0. */
public record AuditLogQuery(
    Optional<EnvironmentId> environmentId,
    Optional<UserId> userId,
    Optional<AuditEventType> type,
    Optional<AuditEvent.Outcome> outcome,
    int page,
    int pageSize) {
  public AuditLogQuery {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    if (page < 0 || pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("page must be 0 or more and page size 1-500");
    }
  }
}
