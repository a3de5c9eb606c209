package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.attempt.ConsecutiveFailures;
import dev.stepup.domain.attempt.HardLockPolicy;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * What the repositories behind code sends and the hard step-up lock promise, run against each
 * database the product supports: compare-and-set claims that exactly one concurrent writer wins.
 */
abstract class CodeRepositoryContractTest {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  JdbcCodeSendGates gates;
  JdbcStepUpLockouts lockouts;
  JdbcTransactionRunner transactions;

  /** A database no other test has written to. */
  abstract DataSource freshDatabase();

  @BeforeEach
  void migrateAndConnect() {
    DataSource dataSource = freshDatabase();
    Flyway.configure().dataSource(dataSource).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    gates = new JdbcCodeSendGates(jdbc);
    lockouts = new JdbcStepUpLockouts(jdbc);
    transactions = new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource));
  }

  @Test
  void aSendGateMovesOnlyFromTheLastSendTheClaimerSaw() {
    String subject = "session:ses_1";
    assertThat(gates.lastSent(subject)).isEmpty();
    assertThat(gates.claim(subject, Optional.empty(), T0)).isTrue();
    assertThat(gates.claim(subject, Optional.empty(), T0.plusSeconds(1))).isFalse();
    Instant stored = gates.lastSent(subject).orElseThrow();
    assertThat(stored).isEqualTo(T0);
    assertThat(gates.claim(subject, Optional.of(stored), T0.plusSeconds(40))).isTrue();
    assertThat(gates.claim(subject, Optional.of(stored), T0.plusSeconds(41))).isFalse();
    assertThat(gates.lastSent(subject)).contains(T0.plusSeconds(40));
    assertThat(gates.lastSent("session:ses_2")).isEmpty();
  }

  @Test
  void ofConcurrentClaimsInTransactionsExactlyOneWins() throws Exception {
    for (Optional<Instant> expected : List.of(Optional.<Instant>empty(), Optional.of(T0))) {
      String subject = "sign-in:demo:ann@example.com" + expected.isPresent();
      if (expected.isPresent()) {
        gates.claim(subject, Optional.empty(), T0);
      }
      int threads = 8;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          Instant at = T0.plusSeconds(60 + i);
          claims.add(
              pool.submit(
                  () -> {
                    go.await();
                    try {
                      return transactions.inTransaction(
                          () -> {
                            if (!gates.claim(subject, expected, at)) {
                              throw new IllegalStateException("lost");
                            }
                            sleep(100); // hold the row, as a send storing its code does
                            return true;
                          });
                    } catch (RuntimeException lost) {
                      return false;
                    }
                  }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
          won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(won).as("winners with expectation %s", expected).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void consecutiveFailuresChangeOnlyFromWhatTheWriterSawAndAreCleared() {
    UserId ann = new UserId("usr_ann");
    HardLockPolicy five = new HardLockPolicy(5, Duration.ofHours(24));
    ConsecutiveFailures one = ConsecutiveFailures.none(ann).afterFailure(five, T0);
    assertThat(lockouts.compareAndSave(Optional.empty(), one)).isTrue();
    assertThat(lockouts.compareAndSave(Optional.empty(), one)).isFalse();

    ConsecutiveFailures stored = lockouts.find(ann).orElseThrow();
    assertThat(stored).isEqualTo(one);
    ConsecutiveFailures locked = stored;
    for (int i = 0; i < 4; i++) {
      locked = locked.afterFailure(five, T0);
    }
    assertThat(locked.isLocked(T0)).isTrue();
    assertThat(lockouts.compareAndSave(Optional.of(stored), locked)).isTrue();
    assertThat(lockouts.compareAndSave(Optional.of(stored), locked)).isFalse();
    ConsecutiveFailures lockedStored = lockouts.find(ann).orElseThrow();
    assertThat(lockedStored.lockRemaining(T0)).contains(Duration.ofHours(24));
    assertThat(
            lockouts.compareAndSave(
                Optional.of(lockedStored), lockedStored.withoutOneFailure(true)))
        .isTrue();
    assertThat(lockouts.find(ann).orElseThrow().lockedUntil()).isEmpty();

    lockouts.clear(ann);
    assertThat(lockouts.find(ann)).isEmpty();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
