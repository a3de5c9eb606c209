package dev.stepup.application.port.out.audit;

/** Where audited events are kept. */
public interface AuditTrail {

  void record(AuditEvent event);
}
