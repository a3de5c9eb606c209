package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.out.transaction.TransactionRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Concurrent writes share one commit; a failing write fails only its own caller. */
class GroupCommitTest {

  @TempDir Path dataDir;
  private JdbcClient jdbc;
  private final AtomicInteger commits = new AtomicInteger();
  private TransactionRunner counted;
  private GroupCommit group;
  private final ExecutorService callers = Executors.newFixedThreadPool(12);

  @BeforeEach
  void setUp() {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE t (id INT PRIMARY KEY, v INT)").update();
    JdbcTransactionRunner jdbcTransactions =
        new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource));
    counted =
        new TransactionRunner() {
          @Override
          public <T> T inTransaction(Supplier<T> work) {
            T result = jdbcTransactions.inTransaction(work);
            commits.incrementAndGet();
            return result;
          }
        };
    group = new GroupCommit(counted, 64);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    callers.shutdownNow();
    group.close();
  }

  private int insert(int id) {
    return jdbc.sql("INSERT INTO t (id, v) VALUES (?, 0)").param(id).update();
  }

  private int rows() {
    return jdbc.sql("SELECT COUNT(*) FROM t").query(Integer.class).single();
  }

  /** Holds the writer busy until released, so the next works queue up into one group. */
  private CountDownLatch holdWriter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    callers.submit(
        () ->
            group.inSharedCommit(
                () -> {
                  holding.countDown();
                  await(release);
                  return insert(0);
                }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    return release;
  }

  private void awaitQueued(int works) throws InterruptedException {
    for (int i = 0; i < 1_000 && group.waiting() < works; i++) {
      Thread.sleep(10);
    }
    assertThat(group.waiting()).isEqualTo(works);
  }

  @Test
  void worksQueuedTogetherCommitOnceAndEachCallerSeesItsResult() throws Exception {
    CountDownLatch release = holdWriter();
    List<Future<Integer>> answers = new ArrayList<>();
    for (int id = 1; id <= 10; id++) {
      int row = id;
      answers.add(callers.submit(() -> group.inSharedCommit(() -> insert(row) * row)));
    }
    awaitQueued(10);
    release.countDown();
    for (int id = 1; id <= 10; id++) {
      assertThat(answers.get(id - 1).get(10, TimeUnit.SECONDS)).isEqualTo(id);
    }
    assertThat(rows()).isEqualTo(11);
    assertThat(commits.get()).isEqualTo(2);
  }

  @Test
  void anInterruptedWaitingCallerStillLearnsItsWorkCommittedAndStaysInterrupted() throws Exception {
    CountDownLatch release = holdWriter();
    AtomicReference<Thread> caller = new AtomicReference<>();
    Future<Boolean> interruptedAfter =
        callers.submit(
            () -> {
              caller.set(Thread.currentThread());
              group.inSharedCommit(() -> insert(1));
              return Thread.currentThread().isInterrupted();
            });
    awaitQueued(1);
    caller.get().interrupt();
    Thread.sleep(50); // it keeps waiting for its group instead of giving up
    assertThat(interruptedAfter).isNotDone();
    release.countDown();

    assertThat(interruptedAfter.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void aFailingWorkFailsOnlyItsCallerAndLeavesNothingHalfWritten() throws Exception {
    CountDownLatch release = holdWriter();
    Future<Integer> good = callers.submit(() -> group.inSharedCommit(() -> insert(1)));
    awaitQueued(1);
    Future<Integer> bad =
        callers.submit(
            () ->
                group.inSharedCommit(
                    () -> {
                      insert(2);
                      return insert(1); // duplicate key
                    }));
    awaitQueued(2);
    Future<Integer> alsoGood = callers.submit(() -> group.inSharedCommit(() -> insert(3)));
    awaitQueued(3);
    release.countDown();
    assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(alsoGood.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException.class);
    assertThat(jdbc.sql("SELECT id FROM t ORDER BY id").query(Integer.class).list())
        .containsExactly(0, 1, 3);
  }

  @Test
  void ofConcurrentCompareAndSetsInOneGroupExactlyOneWins() throws Exception {
    insert(7);
    CountDownLatch release = holdWriter();
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(
          callers.submit(
              () ->
                  group.inSharedCommit(
                      () -> jdbc.sql("UPDATE t SET v = 1 WHERE id = 7 AND v = 0").update())));
    }
    awaitQueued(10);
    release.countDown();
    int winners = 0;
    for (Future<Integer> answer : answers) {
      winners += answer.get(10, TimeUnit.SECONDS);
    }
    assertThat(winners).isEqualTo(1);
  }

  @Test
  void aLoneWorkCommitsOnItsCallersThread() {
    String caller = Thread.currentThread().getName();
    assertThat(
            group.inSharedCommit(
                () -> {
                  insert(1);
                  return Thread.currentThread().getName();
                }))
        .isEqualTo(caller);
    assertThat(rows()).isEqualTo(1);
    assertThat(commits.get()).isEqualTo(1);
  }

  @Test
  void insideAnOpenTransactionTheWorkJoinsIt() {
    String caller = Thread.currentThread().getName();
    assertThatThrownBy(
            () ->
                group.inTransaction(
                    () -> {
                      String ran =
                          group.inSharedCommit(
                              () -> {
                                insert(1);
                                return Thread.currentThread().getName();
                              });
                      assertThat(ran).isEqualTo(caller);
                      throw new IllegalStateException("roll back");
                    }))
        .hasMessage("roll back");
    assertThat(rows()).isZero();
  }

  /**
   * Replaces the group by one that lingers, and makes its last group hold two works: two callers
   * queued behind a held writer.
   */
  private void lingerAfterAGroupOfTwo(Duration linger) throws Exception {
    group.close();
    group = new GroupCommit(counted, 64, linger);
    CountDownLatch release = holdWriter();
    Future<Integer> first = callers.submit(() -> group.inSharedCommit(() -> insert(1)));
    Future<Integer> second = callers.submit(() -> group.inSharedCommit(() -> insert(2)));
    awaitQueued(2);
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS) + second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(commits.get()).isEqualTo(2);
  }

  @Test
  void afterAGroupOfTwoALeaderWaitsForASecondWorkAndCommitsBothOnce() throws Exception {
    lingerAfterAGroupOfTwo(Duration.ofSeconds(10));

    Future<Integer> leader = callers.submit(() -> group.inSharedCommit(() -> insert(3)));
    awaitQueued(1);
    Thread.sleep(100); // it lingers for company instead of committing alone
    assertThat(leader).isNotDone();
    assertThat(rows()).isEqualTo(3);

    Future<Integer> company = callers.submit(() -> group.inSharedCommit(() -> insert(4)));
    assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(company.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(rows()).isEqualTo(5);
    assertThat(commits.get()).isEqualTo(3);
  }

  @Test
  void aLeaderWhoseCompanyNeverComesCommitsAloneWhenItsLingerEnds() throws Exception {
    lingerAfterAGroupOfTwo(Duration.ofMillis(50));

    Future<Integer> alone = callers.submit(() -> group.inSharedCommit(() -> insert(3)));
    assertThat(alone.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(rows()).isEqualTo(4);
    assertThat(commits.get()).isEqualTo(3);
  }

  @Test
  void aLoneCallerNeverWaitsOutTheLinger() throws Exception {
    group.close();
    group = new GroupCommit(counted, 64, Duration.ofSeconds(30));

    for (int id = 1; id <= 3; id++) {
      int row = id;
      // Each group holds one work, so no leader waits for company that is not coming.
      Future<Integer> alone = callers.submit(() -> group.inSharedCommit(() -> insert(row)));
      assertThat(alone.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(commits.get()).isEqualTo(3);
  }

  @Test
  void aNegativeLingerIsRefused() {
    assertThatThrownBy(() -> new GroupCommit(counted, 64, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void afterCloseWorkStillCommits() throws InterruptedException {
    group.close();
    assertThat(group.inSharedCommit(() -> insert(5))).isEqualTo(1);
    assertThat(rows()).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
