package dev.stepup.application.port.in.audit;

/** Seals the audit records written since the last run into their hash chains. */
public interface SealAuditTrailUseCase {

  /** Answers how many records this run sealed (0 when another node holds the job). */
  int sealPending();
}
