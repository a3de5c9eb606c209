package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The embedded file's partly-live chunks are rewritten, as H2's own housekeeping would. */
class H2HousekeepingTest {

  @TempDir Path dataDir;

  @Test
  void chunksLeftSparseByManySmallCommitsAreRewritten() throws Exception {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    // Open as the server keeps it (a pool holds connections); the last close would compact it.
    try (Connection open = dataSource.getConnection()) {
      fillAndTidy(dataSource);
    }
  }

  private static void fillAndTidy(DataSource dataSource) throws InterruptedException {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE t (id VARCHAR(40) PRIMARY KEY, body VARCHAR(200))").update();
    // Random keys and one commit per row, as issuing tokens does: every commit leaves pages behind.
    for (int i = 0; i < 3_000; i++) {
      jdbc.sql("INSERT INTO t VALUES (?, ?)")
          .params(UUID.randomUUID().toString(), "x".repeat(150))
          .update();
    }

    Thread.sleep(1_100); // older than the retention time, as steady load keeps making them
    assertThat(new H2Housekeeping(dataSource).run()).isTrue();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM t").query(Long.class).single()).isEqualTo(3_000);
  }
}
