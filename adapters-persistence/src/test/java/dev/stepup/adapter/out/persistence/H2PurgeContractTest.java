package dev.stepup.adapter.out.persistence;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The purge stores. contract on the embedded H2 file database. */
class H2PurgeContractTest extends PurgeContractTest {

  @TempDir Path dataDir;

  @Override
  DataSource freshDatabase() {
    return new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
  }
}
