package dev.stepup.application.port.in.audit;

import java.util.List;

/** What happened, for admins: newest first, filtered. */
public interface ReadAuditLogUseCase {

  List<AuditEntry> read(AuditLogQuery query);
}
