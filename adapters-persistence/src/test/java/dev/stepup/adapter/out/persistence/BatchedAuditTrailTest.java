package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Checks are stored off the request path; nothing is lost and readers see every record. */
class BatchedAuditTrailTest {

  private static final EnvironmentId ENV = new EnvironmentId("demo");

  @TempDir Path dataDir;
  private JdbcClient jdbc;
  private JdbcTransactionRunner transactions;
  private BatchedAuditTrail trail;

  @BeforeEach
  void setUp() {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    Migrations.flyway(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    transactions = new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource));
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    if (trail != null) {
      trail.close();
    }
  }

  private BatchedAuditTrail trail(Duration interval, int capacity) {
    trail =
        new BatchedAuditTrail(
            new JdbcAuditTrail(jdbc),
            transactions,
            Set.of(AuditEventType.STEP_UP_CHECK),
            interval,
            capacity);
    return trail;
  }

  private static AuditEvent event(AuditEventType type) {
    return new AuditEvent(
        Instant.parse("2026-12-01T10:00:00Z"),
        Optional.of(ENV),
        type,
        AuditEvent.Outcome.SUCCESS,
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        new RequestOrigin("127.0.0.1", "test"));
  }

  private long stored(AuditEventType type) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_trail WHERE type = ?")
        .param(type.wire())
        .query(Long.class)
        .single();
  }

  @Test
  void aCheckIsQueuedAndStoredByTheWriterShortlyAfter() throws InterruptedException {
    trail(Duration.ofMillis(20), 100);
    trail.record(event(AuditEventType.STEP_UP_CHECK));

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (stored(AuditEventType.STEP_UP_CHECK) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(stored(AuditEventType.STEP_UP_CHECK)).isEqualTo(1);
  }

  @Test
  void everyOtherRecordIsStoredBeforeRecordReturns() {
    trail(Duration.ofHours(1), 100);
    trail.record(event(AuditEventType.TOKEN_ISSUED));
    trail.record(event(AuditEventType.STEP_UP_CHECK));

    assertThat(stored(AuditEventType.TOKEN_ISSUED)).isEqualTo(1);
    assertThat(stored(AuditEventType.STEP_UP_CHECK)).isZero();
  }

  @Test
  void aReaderSeesQueuedRecords() {
    trail(Duration.ofHours(1), 100);
    trail.record(event(AuditEventType.STEP_UP_CHECK));

    assertThat(
            trail.search(
                new AuditLog.Query(
                    Optional.of(ENV), Optional.empty(), Optional.empty(), Optional.empty(), 0, 10)))
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.STEP_UP_CHECK);
    assertThat(trail.countSince(ENV, Instant.EPOCH)).hasSize(1);
  }

  @Test
  void aCheckInsideATransactionIsPartOfItAndGoesIfItRollsBack() {
    trail(Duration.ofHours(1), 100);
    try {
      transactions.inTransaction(
          () -> {
            trail.record(event(AuditEventType.STEP_UP_CHECK));
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    trail.flush();
    assertThat(stored(AuditEventType.STEP_UP_CHECK)).isZero();
  }

  @Test
  void aFullQueueWritesDirectlySoNothingIsDropped() {
    trail(Duration.ofHours(1), 2);
    for (int i = 0; i < 5; i++) {
      trail.record(event(AuditEventType.STEP_UP_CHECK));
    }
    assertThat(stored(AuditEventType.STEP_UP_CHECK)).isEqualTo(3);
    trail.flush();
    assertThat(stored(AuditEventType.STEP_UP_CHECK)).isEqualTo(5);
  }

  @Test
  void closingStoresWhatIsQueued() throws InterruptedException {
    trail(Duration.ofHours(1), 100);
    trail.record(event(AuditEventType.STEP_UP_CHECK));
    trail.record(event(AuditEventType.STEP_UP_CHECK));
    trail.close();
    trail = null;
    assertThat(stored(AuditEventType.STEP_UP_CHECK)).isEqualTo(2);
  }

  @Test
  void closingWhileTheWriterStoresLosesNothing() throws InterruptedException {
    // An interrupt during one of H2's file writes would close the database under the writer.
    trail(Duration.ofMillis(1), 100_000);
    int recorded = 0;
    long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
    while (System.nanoTime() < until) {
      trail.record(event(AuditEventType.STEP_UP_CHECK));
      recorded++;
    }
    trail.close();
    trail = null;
    assertThat(stored(AuditEventType.STEP_UP_CHECK)).isEqualTo(recorded);
  }

  @Test
  void aRecordQueuedWhileClosingIsStoredToo() throws Exception {
    // The record passes the open-trail check, then close() stores the queue, then the offer lands.
    CountDownLatch closed = new CountDownLatch(1);
    CountDownLatch offering = new CountDownLatch(1);
    BlockingQueue<AuditEvent> queue =
        new ArrayBlockingQueue<>(100) {
          @Override
          public boolean offer(AuditEvent event) {
            offering.countDown();
            try {
              closed.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.offer(event);
          }
        };
    trail =
        new BatchedAuditTrail(
            new JdbcAuditTrail(jdbc),
            transactions,
            Set.of(AuditEventType.STEP_UP_CHECK),
            Duration.ofHours(1),
            queue);
    Thread caller = new Thread(() -> trail.record(event(AuditEventType.STEP_UP_CHECK)));
    caller.start();
    offering.await();
    trail.close();
    closed.countDown();
    caller.join();
    trail = null;
    assertThat(stored(AuditEventType.STEP_UP_CHECK)).isEqualTo(1);
    assertThat(queue).isEmpty();
  }
}
