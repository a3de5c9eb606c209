package dev.stepup.server;

import dev.stepup.application.port.in.delivery.DeliverMessagesUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the delivery of queued messages on its own threads: woken right after a transaction that
 * queued a message commits, and on a fixed schedule for retries that fell due (and as a safety
 * net). A request thread only signals; it never sends.
 */
final class DeliveryWorker implements SmartLifecycle {

  private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());

  private final DeliverMessagesUseCase deliver;
  private final int workers;
  private final Duration pollInterval;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong signals = new AtomicLong();
  private volatile ThreadPoolExecutor pool;
  private volatile ScheduledExecutorService ticker;

  DeliveryWorker(DeliverMessagesUseCase deliver, int workers, Duration pollInterval) {
    this.deliver = deliver;
    this.workers = Math.max(1, workers);
    this.pollInterval = pollInterval;
  }

  /** Asks for one more sending thread (up to the limit); returns at once. */
  void wakeUp() {
    signals.incrementAndGet();
    ThreadPoolExecutor current = pool;
    if (current == null) {
      return; // not started yet: the first tick finds the message
    }
    int n = running.get();
    while (n < workers) {
      if (running.compareAndSet(n, n + 1)) {
        try {
          current.execute(this::drain);
        } catch (RejectedExecutionException e) {
          running.decrementAndGet(); // stopping
        }
        return;
      }
      n = running.get();
    }
  }

  private void drain() {
    long seen = signals.get();
    try {
      do {
        seen = signals.get();
        deliver.deliverDue();
      } while (seen != signals.get() && pool != null && !pool.isShutdown());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Delivery run failed; the next run tries again", e);
    } finally {
      running.decrementAndGet();
    }
    if (seen != signals.get()) {
      wakeUp(); // a message queued while this thread was leaving
    }
  }

  @Override
  public void start() {
    AtomicInteger number = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            workers,
            workers,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "delivery-" + number.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    pool = executor;
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "delivery-schedule");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleWithFixedDelay(this::wakeUp, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService t = ticker;
    ThreadPoolExecutor p = pool;
    if (t == null || p == null) {
      return;
    }
    Quiescence.await(t, "delivery-schedule");
    // Sends in progress finish and are marked; the mail and SMS timeouts bound them.
    Quiescence.await(p, "delivery");
    ticker = null;
    pool = null;
  }

  @Override
  public boolean isRunning() {
    return pool != null;
  }
}
