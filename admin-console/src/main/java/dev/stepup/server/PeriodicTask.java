package dev.stepup.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A background job run on its own daemon thread every interval, never on a request thread, started
 * and stopped with the server.
 */
abstract class PeriodicTask implements SmartLifecycle {

  private final String name;
  private final Duration interval;
  private final boolean enabled;
  private volatile ScheduledExecutorService ticker;
  private volatile boolean running;

  PeriodicTask(String name, Duration interval, boolean enabled) {
    this.name = name;
    this.interval = interval;
    this.enabled = enabled;
  }

  /** One run; must not throw (a failure is logged and the next run tries again). */
  abstract void runOnce();

  @Override
  public void start() {
    running = true;
    if (!enabled) {
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    long every = interval.toMillis();
    ticker.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * No further runs; a run in progress is waited for (bounded), never interrupted: an interrupt
   * during one of H2's file reads or writes closes the embedded database for every connection.
   */
  @Override
  public void stop() {
    running = false;
    ScheduledExecutorService t = ticker;
    if (t != null) {
      ticker = null;
      Quiescence.await(t, name);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
