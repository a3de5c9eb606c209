package dev.stepup.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** Where the server under test keeps its data: the embedded H2 file, or an embedded PostgreSQL. */
interface Store extends AutoCloseable {

  String name();

  /** The server's arguments that point it at this store. */
  List<String> serverArguments();

  String jdbcUrl();

  String user();

  long bytes() throws IOException, SQLException;

  @Override
  void close() throws IOException;

  static Store h2(Path dataDir) {
    return new Store() {
      @Override
      public String name() {
        return "H2";
      }

      @Override
      public List<String> serverArguments() {
        return List.of();
      }

      @Override
      public String jdbcUrl() {
        // The server's own settings (application.yml): every commit reaches the file.
        return "jdbc:h2:file:" + dataDir.resolve("stepup") + ";WRITE_DELAY=0";
      }

      @Override
      public String user() {
        return "stepup";
      }

      @Override
      public long bytes() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
          return files
              .filter(f -> f.getFileName().toString().endsWith(".db"))
              .mapToLong(f -> f.toFile().length())
              .sum();
        }
      }

      @Override
      public void close() {}
    };
  }

  static Store postgres() throws IOException {
    // Durable as a production server: the embedded defaults turn fsync and synchronous commit off.
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .start();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    return new Store() {
      @Override
      public String name() {
        return "PostgreSQL";
      }

      @Override
      public List<String> serverArguments() {
        return List.of(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=");
      }

      @Override
      public String jdbcUrl() {
        return url;
      }

      @Override
      public String user() {
        return "postgres";
      }

      @Override
      public long bytes() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
            Statement statement = connection.createStatement();
            ResultSet size = statement.executeQuery("SELECT pg_database_size('postgres')")) {
          size.next();
          return size.getLong(1);
        }
      }

      @Override
      public void close() throws IOException {
        postgres.close();
      }
    };
  }
}
