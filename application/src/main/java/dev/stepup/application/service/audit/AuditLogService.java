package dev.stepup.application.service.audit;

import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.application.port.in.audit.AuditLogQuery;
import dev.stepup.application.port.in.audit.ReadAuditLogUseCase;
import dev.stepup.application.port.out.audit.AuditLog;
import java.util.List;

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
                query.type(),
                query.outcome(),
                query.page(),
                query.pageSize()))
        .stream()
        .map(AuditEntries::of)
        .toList();
  }
}
