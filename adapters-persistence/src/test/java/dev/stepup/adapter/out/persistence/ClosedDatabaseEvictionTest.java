package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A thread interrupted while H2 writes closes the embedded database for every connection; the pool
 * renews its connections and the server goes on, with everything committed before.
 */
class ClosedDatabaseEvictionTest {

  @TempDir Path dataDir;
  private HikariDataSource pool;
  private JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    pool = new HikariDataSource();
    pool.setJdbcUrl(H2Settings.url(dataDir));
    pool.setUsername("stepup");
    pool.setMaximumPoolSize(4);
    ClosedDatabaseEviction.install(pool);
    jdbc = JdbcClient.create(pool);
    jdbc.sql("CREATE TABLE notes (id IDENTITY PRIMARY KEY, body VARCHAR(100))").update();
    jdbc.sql("INSERT INTO notes (body) VALUES ('before')").update();
  }

  @AfterEach
  void tearDown() {
    pool.close();
  }

  @Test
  void afterTheDatabaseClosesUnderThePoolOneStatementFailsAndTheNextOnesWork() throws Exception {
    closeTheDatabaseByInterruptingAWriter();

    // The statement that meets a closed connection fails: it may have been a write.
    Throwable first = catchThrowable(() -> count("before"));
    assertThat(first.getMessage())
        .containsAnyOf("database has been closed", "This store is closed");

    for (int i = 0; i < 10; i++) {
      assertThat(count("before")).isEqualTo(1);
      jdbc.sql("INSERT INTO notes (body) VALUES ('after')").update();
    }
    assertThat(count("after")).isEqualTo(10);
    assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(4);
  }

  @Test
  void otherFailuresAreLeftToThePoolsOwnRules() {
    SQLException syntax = new SQLException("Syntax error", "42000", ErrorCode.SYNTAX_ERROR_2);
    SQLException closed = new SQLException("closed", "90098", ErrorCode.DATABASE_IS_CLOSED);
    SQLException storeClosed = storeError(DataUtils.ERROR_CLOSED);
    SQLException otherStoreError = storeError(DataUtils.ERROR_FILE_CORRUPT);
    assertThat(pool.getExceptionOverride().adjudicate(syntax)).isEqualTo(Override.CONTINUE_EVICT);
    assertThat(pool.getExceptionOverride().adjudicate(otherStoreError))
        .isEqualTo(Override.CONTINUE_EVICT);
    assertThat(pool.getExceptionOverride().adjudicate(closed)).isEqualTo(Override.MUST_EVICT);
    assertThat(pool.getExceptionOverride().adjudicate(storeClosed)).isEqualTo(Override.MUST_EVICT);
    assertThat(count("before")).isEqualTo(1);
  }

  /** How H2 answers a statement whose store failed under it: a general error with the cause. */
  private static SQLException storeError(int storeErrorCode) {
    return new SQLException(
        "General error",
        "HY000",
        ErrorCode.GENERAL_ERROR_1,
        DataUtils.newMVStoreException(storeErrorCode, "store error"));
  }

  private long count(String body) {
    return jdbc.sql("SELECT COUNT(*) FROM notes WHERE body = ?")
        .param(body)
        .query(Long.class)
        .single();
  }

  /** Every pooled connection is lent out and returned first, so each one is open on the file. */
  private void closeTheDatabaseByInterruptingAWriter() throws InterruptedException {
    AtomicReference<Throwable> writerFailed = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 0; ; i++) {
                  jdbc.sql("INSERT INTO notes (body) VALUES (?)").param("w" + i).update();
                }
              } catch (RuntimeException e) {
                writerFailed.set(e);
              }
            });
    writer.start();
    Thread.sleep(300);
    writer.interrupt();
    writer.join(10_000);
    assertThat(writerFailed.get()).as("the interrupted writer's failure").isNotNull();
  }
}
