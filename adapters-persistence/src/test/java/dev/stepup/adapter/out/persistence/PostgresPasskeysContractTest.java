package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.PasskeysContract;
import dev.stepup.application.contract.Stores;

/** The {@link PasskeysContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresPasskeysContractTest extends PasskeysContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
