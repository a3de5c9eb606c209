package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.PromptsContract;
import dev.stepup.application.contract.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link PromptsContract} on the embedded H2 file database, opened as the server opens it. */
class H2PromptsContractTest extends PromptsContract {

  @TempDir Path dataDir;

  @Override
  protected Stores stores() {
    return JdbcStores.onH2(dataDir);
  }
}
