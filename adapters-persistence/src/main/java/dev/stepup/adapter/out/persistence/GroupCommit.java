package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.transaction.TransactionRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit (ADR 0019): short write work submitted concurrently runs in one transaction and is
 * made durable by one commit, and each caller returns once that commit is done. A store's commit
 * cost (H2 rewrites every touched page, PostgreSQL flushes its log) is then paid once per group
 * instead of once per request. The first caller to find no commit under way leads: it takes
 * everything queued and commits it on its own thread, so a lone request pays no hand-over; the
 * others wait for their group's outcome. When a group fails, its work is rolled back and each is
 * retried alone, so one bad write cannot fail or lose the others.
 */
public final class GroupCommit implements TransactionRunner, AutoCloseable {

  /**
   * How long a waiting caller sleeps at most before checking whether it should lead the next group;
   * it is normally woken sooner, by its group's outcome or by the leader handing over.
   */
  private static final long RECHECK_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

  private final TransactionRunner transactions;
  private final int maxGroup;
  private final long lingerNanos;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final ReentrantLock leading = new ReentrantLock();
  private volatile boolean running = true;

  /** How many works the last group held: the company a leader waits for, if it lingers. */
  private volatile int lastGroup = 1;

  /** The leader while it lingers, woken by the caller that completes its company. */
  private volatile Thread lingering;

  public GroupCommit(TransactionRunner transactions, int maxGroup) {
    this(transactions, maxGroup, Duration.ZERO);
  }

  /**
   * @param linger how long a leader may wait for as many works as the last group held before it
   *     commits (zero: never); a lone caller's groups hold one work, so it never waits
   */
  public GroupCommit(TransactionRunner transactions, int maxGroup, Duration linger) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("a group holds at least one work");
    }
    if (linger.isNegative()) {
      throw new IllegalArgumentException("a leader cannot linger for a negative time");
    }
    this.transactions = transactions;
    this.maxGroup = maxGroup;
    this.lingerNanos = linger.toNanos();
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return transactions.inTransaction(work);
  }

  @Override
  public <T> T inSharedCommit(Supplier<T> work) {
    if (!running
        || leading.isHeldByCurrentThread()
        || TransactionSynchronizationManager.isActualTransactionActive()) {
      return transactions.inTransaction(work);
    }
    Pending<T> pending = new Pending<>(work, Thread.currentThread());
    queue.add(pending);
    Thread leader = lingering;
    if (leader != null && queue.size() >= lastGroup) {
      LockSupport.unpark(leader);
    }
    boolean interrupted = false;
    while (!pending.done.isDone()) {
      if (leading.tryLock()) {
        try {
          if (!pending.done.isDone()) {
            commitNextGroup();
          }
        } finally {
          leading.unlock();
        }
        handOver();
      } else {
        // Not interruptible on purpose: once queued, the work may commit, and the caller must
        // know how it went. Parking, not a timed wait on the future: that throws and fills a
        // stack trace on every recheck.
        LockSupport.parkNanos(this, RECHECK_NANOS);
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    try {
      return pending.done.join();
    } catch (CompletionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw failed;
    }
  }

  /** How many works wait for a leader. */
  int waiting() {
    return queue.size();
  }

  @Override
  public void close() {
    running = false;
  }

  /**
   * Wakes the oldest waiting caller, so that it leads the next group without waiting out its nap.
   */
  private void handOver() {
    Pending<?> next = queue.peek();
    if (next != null) {
      LockSupport.unpark(next.caller);
    }
  }

  private void commitNextGroup() {
    lingerForCompany();
    List<Pending<?>> group = new ArrayList<>(maxGroup);
    queue.drainTo(group, maxGroup);
    if (group.isEmpty()) {
      return;
    }
    lastGroup = group.size();
    if (group.size() == 1) {
      runAlone(group.get(0));
      return;
    }
    List<Object> results;
    try {
      results =
          transactions.inTransaction(
              () -> {
                List<Object> each = new ArrayList<>(group.size());
                for (Pending<?> pending : group) {
                  each.add(pending.work.get());
                }
                return each;
              });
    } catch (RuntimeException | Error groupFailed) {
      group.forEach(this::runAlone);
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).complete(results.get(i));
    }
  }

  /**
   * When the last group held several works, requests are arriving together: waiting briefly for as
   * many to queue lets one commit serve them all, instead of the first paying a commit alone while
   * the others queue behind it. The wait frees this core for the requests still on their way.
   */
  private void lingerForCompany() {
    int company = lastGroup;
    // The leader's own work is queued, so after a group of one it never waits.
    if (lingerNanos == 0 || queue.size() >= company) {
      return;
    }
    long deadline = System.nanoTime() + lingerNanos;
    lingering = Thread.currentThread();
    try {
      long left;
      // An interrupted leader's park returns at once: it commits now rather than spin.
      while (queue.size() < company
          && (left = deadline - System.nanoTime()) > 0
          && !Thread.currentThread().isInterrupted()) {
        LockSupport.parkNanos(this, left);
      }
    } finally {
      lingering = null;
    }
  }

  private void runAlone(Pending<?> pending) {
    try {
      pending.complete(transactions.inTransaction(pending.work));
    } catch (Throwable failed) {
      pending.fail(failed);
    }
  }

  private static final class Pending<T> {
    final Supplier<T> work;
    final Thread caller;
    final CompletableFuture<T> done = new CompletableFuture<>();

    Pending(Supplier<T> work, Thread caller) {
      this.work = work;
      this.caller = caller;
    }

    @SuppressWarnings("unchecked")
    void complete(Object result) {
      done.complete((T) result);
      LockSupport.unpark(caller);
    }

    void fail(Throwable failed) {
      done.completeExceptionally(failed);
      LockSupport.unpark(caller);
    }
  }
}
