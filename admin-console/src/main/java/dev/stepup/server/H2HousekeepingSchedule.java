package dev.stepup.server;

import dev.stepup.adapter.out.persistence.H2Housekeeping;
import java.time.Duration;

/** Runs the embedded H2 file's housekeeping every second (ADR 0018); nothing on PostgreSQL. */
final class H2HousekeepingSchedule extends PeriodicTask {

  private static final System.Logger LOG = System.getLogger(H2HousekeepingSchedule.class.getName());

  private final H2Housekeeping housekeeping;

  H2HousekeepingSchedule(H2Housekeeping housekeeping, Duration interval, boolean enabled) {
    super("h2-housekeeping", interval, enabled);
    this.housekeeping = housekeeping;
  }

  @Override
  void runOnce() {
    try {
      housekeeping.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "H2 housekeeping failed; the next run tries again", e);
    }
  }
}
