package dev.stepup.application.port.out.audit;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the audit trail back, newest first. */
public interface AuditLog {

  List<AuditEvent> search(Query query);

  /** Filters (each optional) and the page wanted, counting from 0. */
  record Query(
      Optional<EnvironmentId> environmentId,
      Optional<UserId> userId,
      Optional<AuditEventType> type,
      Optional<AuditEvent.Outcome> outcome,
      int page,
      int pageSize) {
    public Query {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(outcome, "outcome");
      if (page < 0 || pageSize < 1 || pageSize > 500) {
        throw new IllegalArgumentException("page must be 0 or more and page size 1-500");
      }
    }
  }
}
