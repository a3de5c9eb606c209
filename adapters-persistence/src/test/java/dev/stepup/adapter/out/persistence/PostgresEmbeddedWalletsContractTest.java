package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.EmbeddedWalletsContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link EmbeddedWalletsContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresEmbeddedWalletsContractTest extends EmbeddedWalletsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
