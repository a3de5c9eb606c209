package dev.stepup.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The yardstick for spending tokens: how many durable single-row UPDATEs per second the same
 * database takes from {@code connections} clients, each committing its own row, with no server in
 * between.
 */
final class RawUpdateRate {

  private RawUpdateRate() {}

  static double measure(String url, String user, String password, int connections, Duration time)
      throws Exception {
    try (Connection setup = DriverManager.getConnection(url, user, password);
        Statement statement = setup.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS bench_raw_update");
      statement.execute("CREATE TABLE bench_raw_update (id INT PRIMARY KEY, n BIGINT NOT NULL)");
      for (int row = 0; row < connections; row++) {
        statement.execute("INSERT INTO bench_raw_update VALUES (" + row + ", 0)");
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long deadline = System.nanoTime() + time.toNanos();
    List<Future<Long>> counts = new ArrayList<>();
    for (int row = 0; row < connections; row++) {
      int id = row;
      counts.add(pool.submit(() -> updates(url, user, password, id, deadline)));
    }
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    pool.shutdown();
    try (Connection cleanup = DriverManager.getConnection(url, user, password);
        Statement statement = cleanup.createStatement()) {
      statement.execute("DROP TABLE bench_raw_update");
    }
    return total / (time.toNanos() / 1e9);
  }

  private static long updates(String url, String user, String password, int id, long deadline)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement update =
            connection.prepareStatement("UPDATE bench_raw_update SET n = n + 1 WHERE id = ?")) {
      connection.setAutoCommit(true);
      update.setInt(1, id);
      long done = 0;
      while (System.nanoTime() < deadline) {
        update.executeUpdate();
        done++;
      }
      return done;
    }
  }
}
