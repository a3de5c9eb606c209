package dev.stepup.application.service.audit;

import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.application.port.in.audit.AuditLogQuery;
import dev.stepup.application.port.in.audit.ReadAuditLogUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditLog;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the audit trail for the console. */
public final class AuditLogService implements ReadAuditLogUseCase {

  private final AuditLog log;

  public AuditLogService(AuditLog log) {
    this.log = log;
  }

  @Override
  public List<AuditEntry> read(AuditLogQuery query) {
    return log
        .search(
            new AuditLog.Query(
                query.environmentId(),
                query.userId(),
                query.type().flatMap(AuditLogService::eventType),
                query
                    .succeeded()
                    .map(ok -> ok ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE),
                query.page(),
                query.pageSize()))
        .stream()
        .map(AuditEntries::of)
        .toList();
  }

  private static Optional<AuditEventType> eventType(String wire) {
    return Arrays.stream(AuditEventType.values()).filter(t -> t.wire().equals(wire)).findFirst();
  }
}
