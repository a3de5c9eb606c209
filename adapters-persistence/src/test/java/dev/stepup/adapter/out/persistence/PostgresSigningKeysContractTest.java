package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.SigningKeysContract;
import dev.stepup.application.contract.Stores;

/** The {@link SigningKeysContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresSigningKeysContractTest extends SigningKeysContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
