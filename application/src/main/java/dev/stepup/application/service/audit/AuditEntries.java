package dev.stepup.application.service.audit;

import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.application.port.out.audit.AuditEvent;

/** Turns stored audit events into what admins read. */
public final class AuditEntries {

  private AuditEntries() {}

  public static AuditEntry of(AuditEvent e) {
    return new AuditEntry(
        e.at(),
        e.environmentId(),
        e.type().wire(),
        e.outcome() == AuditEvent.Outcome.SUCCESS,
        e.userId(),
        e.scopes(),
        e.method(),
        e.reason(),
        e.actor(),
        e.origin().clientIp());
  }
}
