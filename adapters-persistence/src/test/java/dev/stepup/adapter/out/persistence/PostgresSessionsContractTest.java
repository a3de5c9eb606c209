package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.SessionsContract;
import dev.stepup.application.contract.Stores;

/** The {@link SessionsContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresSessionsContractTest extends SessionsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
