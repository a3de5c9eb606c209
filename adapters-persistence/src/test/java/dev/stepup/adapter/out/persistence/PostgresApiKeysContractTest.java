package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.ApiKeysContract;
import dev.stepup.application.contract.Stores;

/** The {@link ApiKeysContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresApiKeysContractTest extends ApiKeysContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
