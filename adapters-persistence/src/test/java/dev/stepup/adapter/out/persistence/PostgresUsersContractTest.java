package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.Stores;
import dev.stepup.application.contract.UsersContract;

/** The {@link UsersContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresUsersContractTest extends UsersContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
