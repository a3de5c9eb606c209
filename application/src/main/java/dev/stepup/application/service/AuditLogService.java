package dev.stepup.application.service;

import dev.stepup.application.port.in.audit.ReadAuditLogUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditLog;
import java.util.List;

/** Reads the audit trail for the console. */
public final class AuditLogService implements ReadAuditLogUseCase {

  private final AuditLog log;

  public AuditLogService(AuditLog log) {
    this.log = log;
  }

  @Override
  public List<AuditEvent> read(AuditLog.Query query) {
    return log.search(query);
  }
}
