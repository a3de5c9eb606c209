package dev.stepup.server;

import dev.stepup.application.port.in.audit.SealAuditTrailUseCase;
import java.time.Duration;

/** Seals new audit records into their hash chains every interval, on its own thread. */
final class AuditSealSchedule extends PeriodicTask {

  private static final System.Logger LOG = System.getLogger(AuditSealSchedule.class.getName());

  private final SealAuditTrailUseCase seal;

  AuditSealSchedule(SealAuditTrailUseCase seal, Duration interval) {
    super("audit-seal", interval, !interval.isZero() && !interval.isNegative());
    this.seal = seal;
  }

  @Override
  void runOnce() {
    try {
      seal.sealPending();
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING, "Sealing the audit trail failed; the next run retries", e);
    }
  }
}
