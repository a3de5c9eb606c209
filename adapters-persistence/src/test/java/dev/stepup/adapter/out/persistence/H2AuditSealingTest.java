package dev.stepup.adapter.out.persistence;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class H2AuditSealingTest extends AuditSealingContract {

  @TempDir Path dataDir;

  @Override
  protected DataSource database() {
    return new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
  }
}
