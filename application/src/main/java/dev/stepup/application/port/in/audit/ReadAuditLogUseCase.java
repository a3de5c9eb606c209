package dev.stepup.application.port.in.audit;

import dev.stepup.application.port.out.audit.AuditEvent;
import java.util.List;

/** What happened, for admins: newest first, filtered. */
public interface ReadAuditLogUseCase {

  List<AuditEvent> read(AuditLogQuery query);
}
