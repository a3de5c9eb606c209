package dev.stepup.adapter.out.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (bundled binaries) for every PostgreSQL contract test of this JVM,
 * started on first use and stopped when the JVM ends; each test gets a database of its own, dropped
 * when the next test asks for one.
 */
final class SharedPostgres {

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String previous;

  private SharedPostgres() {}

  /** A new, empty database no other test has written to. */
  static synchronized DataSource freshDatabase() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // The JVM is ending; the bundled server's files are temporary.
                    }
                  }));
    }
    String name = "stepup_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      // Tests run one at a time and each asks for one database: the previous test's is done with.
      // Dropping it now keeps the server's files few, so stopping it at the JVM's end stays quick
      // (with one database per test kept, deleting them outlasted Surefire's 30 s exit timeout).
      if (previous != null) {
        s.execute("DROP DATABASE IF EXISTS " + previous + " WITH (FORCE)");
      }
      s.execute("CREATE DATABASE " + name);
      previous = name;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres.getDatabase("postgres", name);
  }
}
