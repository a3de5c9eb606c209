package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail, with the records of read-only requests written off the request path (ADR 0016):
 * a {@code check} changes nothing, so it should not wait for a durable commit of its own. Those
 * records queue and a writer stores them every few milliseconds, many per commit; a crash loses at
 * most the last few milliseconds of them. Every other record — and any record written inside a
 * transaction, which it must share — is stored at once. A full queue writes directly, so nothing is
 * dropped; reads store what is queued first, so a reader sees every record made before.
 */
public final class BatchedAuditTrail
    implements AuditTrail, AuditLog, AuditStatistics, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BatchedAuditTrail.class.getName());
  private static final int BATCH = 1_000;

  private final JdbcAuditTrail trail;
  private final TransactionRunner transactions;
  private final Set<AuditEventType> deferred;
  private final BlockingQueue<AuditEvent> queue;
  private final Duration interval;
  private final Object writing = new Object();
  private final Thread writer;
  private volatile boolean running = true;

  public BatchedAuditTrail(
      JdbcAuditTrail trail,
      TransactionRunner transactions,
      Set<AuditEventType> deferred,
      Duration interval,
      int capacity) {
    this(trail, transactions, deferred, interval, new ArrayBlockingQueue<>(capacity));
  }

  BatchedAuditTrail(
      JdbcAuditTrail trail,
      TransactionRunner transactions,
      Set<AuditEventType> deferred,
      Duration interval,
      BlockingQueue<AuditEvent> queue) {
    this.trail = trail;
    this.transactions = transactions;
    this.deferred = Set.copyOf(deferred);
    this.interval = interval;
    this.queue = queue;
    this.writer = new Thread(this::writeLoop, "audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void record(AuditEvent event) {
    if (deferred.contains(event.type())
        && !TransactionSynchronizationManager.isActualTransactionActive()
        && running
        && queue.offer(event)) {
      if (!running) {
        flush(); // close() may have stored the queue between the check above and the offer
      }
      return;
    }
    trail.record(event);
  }

  /** Stores every queued record now. */
  public void flush() {
    synchronized (writing) {
      List<AuditEvent> batch = new ArrayList<>();
      while (queue.drainTo(batch, BATCH) > 0) {
        store(batch);
        batch.clear();
      }
    }
  }

  @Override
  public List<AuditEvent> search(Query query) {
    flush();
    return trail.search(query);
  }

  @Override
  public List<Count> countSince(EnvironmentId environmentId, Instant since) {
    flush();
    return trail.countSince(environmentId, since);
  }

  @Override
  public List<ScopeCount> countByScopeSince(
      EnvironmentId environmentId, AuditEventType type, Instant since) {
    flush();
    return trail.countByScopeSince(environmentId, type, since);
  }

  /**
   * Stops the writer and stores what is queued. The writer is woken, never interrupted: an
   * interrupt during one of H2's file writes closes the embedded database for every connection.
   */
  @Override
  public void close() throws InterruptedException {
    running = false;
    LockSupport.unpark(writer);
    writer.join(Duration.ofSeconds(10).toMillis());
    flush();
  }

  private void writeLoop() {
    long pause = interval.toNanos();
    while (running) {
      LockSupport.parkNanos(this, pause);
      if (!running) {
        return;
      }
      try {
        flush();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "could not store queued audit records", e);
      }
    }
  }

  private void store(List<AuditEvent> batch) {
    try {
      transactions.inTransaction(() -> batch.forEach(trail::record));
    } catch (RuntimeException batchFailed) {
      // One unstorable record must not take the others with it.
      for (AuditEvent event : batch) {
        try {
          trail.record(event);
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "an audit record of type " + event.type() + " was not stored", e);
        }
      }
    }
  }
}
