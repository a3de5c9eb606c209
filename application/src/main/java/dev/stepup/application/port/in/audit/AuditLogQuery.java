package dev.stepup.application.port.in.audit;

import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admin filters the audit log by (each optional), and the page wanted, counting from 0.
 *
 * @param type an event's wire name, one of {@link #eventTypes()}
 * @param succeeded only successes ({@code true}) or only failures ({@code false})
 */
public record AuditLogQuery(
    Optional<EnvironmentId> environmentId,
    Optional<UserId> userId,
    Optional<String> type,
    Optional<Boolean> succeeded,
    int page,
    int pageSize) {

  public AuditLogQuery {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(succeeded, "succeeded");
    if (type.isPresent() && !eventTypes().contains(type.get())) {
      throw new IllegalArgumentException("type: not an audit event type");
    }
    if (page < 0 || pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("page must be 0 or more and page size 1-500");
    }
  }

  /** The wire names of every kind of audited event, in their order, for a filter to offer. */
  public static List<String> eventTypes() {
    return Arrays.stream(AuditEventType.values()).map(AuditEventType::wire).toList();
  }
}
