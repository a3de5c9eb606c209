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
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit (ADR 0019): short write work submitted concurrently is run by one writer thread in
 * one transaction and made durable by one commit, and each caller returns once that commit is done.
 * A store's commit cost (H2 rewrites every touched page, PostgreSQL flushes its log) is then paid
 * once per group instead of once per request. When a group fails, its work is rolled back and each
 * is retried alone, so one bad write cannot fail or lose the others.
 */
public final class GroupCommit implements TransactionRunner, AutoCloseable {

  private final TransactionRunner transactions;
  private final int maxGroup;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  public GroupCommit(TransactionRunner transactions, int maxGroup) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("a group holds at least one work");
    }
    this.transactions = transactions;
    this.maxGroup = maxGroup;
    this.writer = new Thread(this::writeLoop, "group-commit");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return transactions.inTransaction(work);
  }

  @Override
  public <T> T inSharedCommit(Supplier<T> work) {
    if (!running
        || Thread.currentThread() == writer
        || TransactionSynchronizationManager.isActualTransactionActive()) {
      return transactions.inTransaction(work);
    }
    Pending<T> pending = new Pending<>(work);
    queue.add(pending);
    try {
      // Not interruptible on purpose: once queued, the work may commit, and the caller must know.
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

  /** How many works wait for the writer. */
  int waiting() {
    return queue.size();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    writer.interrupt();
    writer.join(Duration.ofSeconds(10).toMillis());
    List<Pending<?>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(this::runAlone);
  }

  private void writeLoop() {
    List<Pending<?>> group = new ArrayList<>(maxGroup);
    while (running) {
      try {
        Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
      } catch (InterruptedException stopping) {
        return;
      }
      queue.drainTo(group, maxGroup - 1);
      commit(group);
      group.clear();
    }
  }

  private void commit(List<Pending<?>> group) {
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

  private void runAlone(Pending<?> pending) {
    try {
      pending.complete(transactions.inTransaction(pending.work));
    } catch (Throwable failed) {
      pending.done.completeExceptionally(failed);
    }
  }

  private static final class Pending<T> {
    final Supplier<T> work;
    final CompletableFuture<T> done = new CompletableFuture<>();

    Pending(Supplier<T> work) {
      this.work = work;
    }

    @SuppressWarnings("unchecked")
    void complete(Object result) {
      done.complete((T) result);
    }
  }
}
