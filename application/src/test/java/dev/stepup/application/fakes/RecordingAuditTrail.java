package dev.stepup.application.fakes;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;

/** Keeps audited events so tests can read them back. */
public final class RecordingAuditTrail implements AuditTrail {
  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
  }

  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }
}
