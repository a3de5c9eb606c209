package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.AuditStatisticsContract;
import dev.stepup.application.contract.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link AuditStatisticsContract} on the embedded H2 file database, opened as the server opens
 * it.
 */
class H2AuditStatisticsContractTest extends AuditStatisticsContract {

  @TempDir Path dataDir;

  @Override
  protected Stores stores() {
    return JdbcStores.onH2(dataDir);
  }
}
