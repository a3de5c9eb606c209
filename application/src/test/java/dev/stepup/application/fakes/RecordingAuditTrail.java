package dev.stepup.application.fakes;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;

/** Keeps audited events so tests can read them back. */
public final class RecordingAuditTrail implements AuditTrail {
  private final List<AuditEvent> events = new ArrayList<>();
  private final List<AuditTrail> listeners = new ArrayList<>();

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
    listeners.forEach(l -> l.record(event));
  }

  /** Every event recorded from now on is also handed to {@code listener} (e.g. webhooks). */
  public synchronized void forwardTo(AuditTrail listener) {
    listeners.add(listener);
  }

  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }
}
