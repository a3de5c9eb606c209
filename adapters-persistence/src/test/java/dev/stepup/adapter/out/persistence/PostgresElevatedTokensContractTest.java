package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.ElevatedTokensContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link ElevatedTokensContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresElevatedTokensContractTest extends ElevatedTokensContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
