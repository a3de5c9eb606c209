package dev.stepup.server;

import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase;
import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase.PurgeResult;
import java.time.Duration;

/**
 * Runs the purge on its own thread every interval, never on a request thread; a failed run is
 * logged and the next one tries again.
 */
final class PurgeSchedule extends PeriodicTask {

  private static final System.Logger LOG = System.getLogger(PurgeSchedule.class.getName());

  private final PurgeExpiredDataUseCase purge;

  /** {@code enabled} false: another node (or an operator's job) purges. */
  PurgeSchedule(PurgeExpiredDataUseCase purge, Duration interval, boolean enabled) {
    super("purge", interval, enabled);
    this.purge = purge;
  }

  @Override
  void runOnce() {
    try {
      PurgeResult result = purge.purgeExpiredData();
      if (result.ran() && result.total() > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "Purged {0} dead rows: {1}",
            result.total(),
            result.deleted());
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Purge failed; the next run tries again", e);
    }
  }
}
