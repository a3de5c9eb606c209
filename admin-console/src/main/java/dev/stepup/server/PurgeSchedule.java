package dev.stepup.server;

import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase;
import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase.PurgeResult;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the purge on its own thread every interval, never on a request thread; a failed run is
 * logged and the next one tries again.
 */
final class PurgeSchedule implements SmartLifecycle {

  private static final System.Logger LOG = System.getLogger(PurgeSchedule.class.getName());

  private final PurgeExpiredDataUseCase purge;
  private final Duration interval;
  private final boolean enabled;
  private volatile ScheduledExecutorService ticker;
  private volatile boolean running;

  PurgeSchedule(PurgeExpiredDataUseCase purge, Duration interval, boolean enabled) {
    this.purge = purge;
    this.interval = interval;
    this.enabled = enabled;
  }

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

  @Override
  public void start() {
    running = true;
    if (!enabled) {
      return; // stepup.purge.enabled=false: another node (or an operator's job) purges
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "purge");
              t.setDaemon(true);
              return t;
            });
    long every = interval.toMillis();
    ticker.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    running = false;
    ScheduledExecutorService t = ticker;
    if (t != null) {
      t.shutdownNow(); // a batch in progress ends with its statement; the lease runs out
      ticker = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
