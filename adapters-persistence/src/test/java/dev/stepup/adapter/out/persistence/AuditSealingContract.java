package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase.ChainReport;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.audit.AuditSeals;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.audit.SealAuditTrailService;
import dev.stepup.application.service.audit.VerifyAuditChainService;
import dev.stepup.domain.audit.ChainVerifier;
import dev.stepup.domain.audit.SealedRecord;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The tamper-evident audit trail on a real database: records are sealed into their environment's
 * chain, and a record changed, removed or cut off afterwards is found where it happened.
 */
abstract class AuditSealingContract {

  private static final EnvironmentId ENV = new EnvironmentId("demo");
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private DataSource database;
  private JdbcClient jdbc;
  private JdbcAuditTrail trail;
  private JdbcAuditSeals seals;
  private TransactionRunner transactions;
  private VerifyAuditChainService verify;

  protected abstract DataSource database();

  @BeforeEach
  void openStore() {
    database = database();
    Migrations.flyway(database).load().migrate();
    jdbc = JdbcClient.create(database);
    trail = new JdbcAuditTrail(jdbc);
    seals = new JdbcAuditSeals(database);
    transactions = new JdbcTransactionRunner(new DataSourceTransactionManager(database));
    verify = new VerifyAuditChainService(seals);
  }

  private SealAuditTrailService sealer(String node) {
    return new SealAuditTrailService(
        seals,
        transactions,
        new JdbcJobLeases(jdbc),
        50,
        Duration.ofMinutes(1),
        node,
        Clock.systemUTC());
  }

  private void write(int n, Optional<EnvironmentId> environment) {
    for (int i = 0; i < n; i++) {
      trail.record(event(i, environment));
    }
  }

  private static AuditEvent event(int i) {
    return event(i, Optional.of(ENV));
  }

  private static AuditEvent event(int i, Optional<EnvironmentId> environment) {
    return new AuditEvent(
        T0.plusSeconds(i),
        environment,
        AuditEventType.VERIFICATION,
        AuditEvent.Outcome.SUCCESS,
        Optional.of(new UserId("usr_" + i)),
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        Optional.of("code accepted é " + i),
        Optional.empty(),
        new RequestOrigin("203.0.113.9", "curl/8"));
  }

  private long idOfSeq(long seq) {
    return jdbc.sql("SELECT id FROM audit_events WHERE environment_id = ? AND chain_seq = ?")
        .params(ENV.value(), seq)
        .query(Long.class)
        .single();
  }

  @Test
  void recordsAreSealedIntoTheirEnvironmentsChain() {
    write(120, Optional.of(ENV));
    write(3, Optional.empty());

    assertThat(sealer("node-a").sealPending()).isEqualTo(123);

    ChainReport report = verify.verify(Optional.of(ENV));
    assertThat(report.verdict().intact()).isTrue();
    assertThat(report.verdict().checked()).isEqualTo(120);
    assertThat(report.unsealed()).isZero();
    assertThat(verify.verify(Optional.empty()).verdict().checked()).isEqualTo(3);
    List<SealedRecord> exported = new ArrayList<>();
    verify.export(Optional.of(ENV), exported::add);
    assertThat(exported).extracting(SealedRecord::seq).startsWith(1L, 2L).hasSize(120);
  }

  @Test
  void aRecordChangedInTheDatabaseIsFoundAtItsPlace() {
    write(10, Optional.of(ENV));
    sealer("node-a").sealPending();
    long seventh = idOfSeq(7);

    jdbc.sql("UPDATE audit_events SET reason = 'nothing to see' WHERE id = ?")
        .param(seventh)
        .update();

    assertThat(verify.verify(Optional.of(ENV)).verdict().broken())
        .contains(new ChainVerifier.Break(seventh, 7, ChainVerifier.Kind.ALTERED));
  }

  @Test
  void aRecordRemovedBreaksTheLinkAfterIt() {
    write(10, Optional.of(ENV));
    sealer("node-a").sealPending();
    long fifth = idOfSeq(5);
    long sixth = idOfSeq(6);

    jdbc.sql("DELETE FROM audit_events WHERE id = ?").param(fifth).update();

    assertThat(verify.verify(Optional.of(ENV)).verdict().broken())
        .contains(new ChainVerifier.Break(sixth, 6, ChainVerifier.Kind.UNLINKED));
  }

  @Test
  void theNewestRecordsRemovedAreFoundAgainstTheHead() {
    write(10, Optional.of(ENV));
    sealer("node-a").sealPending();

    jdbc.sql("DELETE FROM audit_events WHERE environment_id = ? AND chain_seq > 8")
        .param(ENV.value())
        .update();

    assertThat(verify.verify(Optional.of(ENV)).verdict().broken())
        .contains(new ChainVerifier.Break(idOfSeq(8), 8, ChainVerifier.Kind.TRUNCATED));
  }

  @Test
  void recordsWrittenAfterASealJoinTheChainAtTheNextRun() {
    write(2, Optional.of(ENV));
    sealer("node-a").sealPending();
    // The chain is in the order records are sealed, whatever their time says.
    write(1, Optional.of(ENV));
    write(1, Optional.empty());
    assertThat(verify.verify(Optional.of(ENV)).unsealed()).isEqualTo(1);

    sealer("node-a").sealPending();

    ChainReport report = verify.verify(Optional.of(ENV));
    assertThat(report.verdict().intact()).isTrue();
    assertThat(report.verdict().checked()).isEqualTo(3);
    assertThat(report.unsealed()).isZero();
  }

  @Test
  void sealersOnSeveralNodesNeverForkAChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int writer = 0; writer < 2; writer++) {
        work.add(pool.submit(() -> write(150, Optional.of(ENV))));
      }
      for (String node : List.of("node-a", "node-b")) {
        SealAuditTrailService sealer = sealer(node);
        work.add(
            pool.submit(
                () -> {
                  for (int run = 0; run < 30; run++) {
                    try {
                      sealer.sealPending();
                    } catch (IllegalStateException movedMeanwhile) {
                      // rolled back whole; the next run seals those records
                    }
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    jdbc.sql("UPDATE job_leases SET holder = NULL, lease_until = NULL").update();
    sealer("node-c").sealPending();

    ChainReport report = verify.verify(Optional.of(ENV));
    assertThat(report.verdict().intact()).isTrue();
    assertThat(report.verdict().checked()).isEqualTo(300);
  }

  @Test
  void aSealOntoAHeadThatMovedIsRefused() {
    write(1, Optional.of(ENV));
    sealer("node-a").sealPending();
    write(1, Optional.of(ENV));

    boolean accepted =
        transactions.inTransaction(
            () -> {
              AuditSeals.Unsealed pending = seals.takeUnsealed(10).get(0);
              SealedRecord forked =
                  new SealedRecord(
                      pending.id(), 1, "0".repeat(64), pending.fields(), "f".repeat(64));
              return seals.seal(
                  "demo",
                  new AuditSeals.Head(0, "0".repeat(64)),
                  List.of(new AuditSeals.Sealing(pending.pending(), forked)));
            });

    assertThat(accepted).isFalse();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private List<String> reasons(int page, int pageSize) {
    return trail
        .search(
            new AuditLog.Query(
                Optional.of(ENV),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                page,
                pageSize))
        .stream()
        .map(e -> e.reason().orElseThrow())
        .toList();
  }

  @Test
  void aSealedRecordIsStoredOnceAndLeavesTheQueue() {
    write(4, Optional.of(ENV));
    assertThat(count("SELECT COUNT(*) FROM audit_pending")).isEqualTo(4);
    assertThat(count("SELECT COUNT(*) FROM audit_events")).isZero();

    sealer("node-a").sealPending();

    assertThat(count("SELECT COUNT(*) FROM audit_pending")).isZero();
    assertThat(count("SELECT COUNT(*) FROM audit_events WHERE chain_hash IS NOT NULL"))
        .isEqualTo(4);
    assertThat(count("SELECT COUNT(*) FROM audit_trail")).isEqualTo(4);
  }

  @Test
  void readersSeeWaitingRecordsNewestFirstThenSealedOnesAcrossPages() {
    write(5, Optional.of(ENV));
    sealer("node-a").sealPending();
    for (int i = 5; i < 8; i++) {
      trail.record(event(i));
    }

    assertThat(reasons(0, 4))
        .containsExactly(
            "code accepted é 7", "code accepted é 6", "code accepted é 5", "code accepted é 4");
    assertThat(reasons(1, 4))
        .containsExactly(
            "code accepted é 3", "code accepted é 2", "code accepted é 1", "code accepted é 0");
    assertThat(reasons(0, 2)).containsExactly("code accepted é 7", "code accepted é 6");
    assertThat(reasons(1, 2)).containsExactly("code accepted é 5", "code accepted é 4");
    assertThat(reasons(2, 4)).isEmpty();
    assertThat(trail.countSince(ENV, T0).stream().mapToLong(AuditStatistics.Count::count).sum())
        .isEqualTo(8);
  }

  @Test
  void recordsWrittenOnSeveralConnectionsWaitInTheOrderTheyWereWritten() throws Exception {
    try (Connection first = database.getConnection();
        Connection second = database.getConnection()) {
      List<JdbcAuditTrail> writers =
          List.of(
              new JdbcAuditTrail(JdbcClient.create(new SingleConnectionDataSource(first, true))),
              new JdbcAuditTrail(JdbcClient.create(new SingleConnectionDataSource(second, true))));
      for (int i = 0; i < 6; i++) {
        writers.get(i % 2).record(event(i));
      }
    }

    assertThat(reasons(0, 10))
        .containsExactly(
            "code accepted é 5",
            "code accepted é 4",
            "code accepted é 3",
            "code accepted é 2",
            "code accepted é 1",
            "code accepted é 0");
  }

  @Test
  void idsKeepGrowingAfterEverySealedRecordIsPurged() {
    write(3, Optional.of(ENV));
    sealer("node-a").sealPending();
    jdbc.sql("DELETE FROM audit_events").update();

    write(1, Optional.of(ENV));
    sealer("node-a").sealPending();

    assertThat(count("SELECT id FROM audit_events")).isEqualTo(4);
  }

  @Test
  void idsTakenByATransactionThatRollsBackAreGivenBack() {
    write(2, Optional.of(ENV));
    try {
      transactions.inTransaction(
          () -> {
            seals.takeUnsealed(10);
            throw new IllegalStateException("the sealer stopped");
          });
    } catch (IllegalStateException expected) {
      // rolled back
    }

    sealer("node-a").sealPending();

    assertThat(jdbc.sql("SELECT id FROM audit_events ORDER BY id").query(Long.class).list())
        .containsExactly(1L, 2L);
  }
}
