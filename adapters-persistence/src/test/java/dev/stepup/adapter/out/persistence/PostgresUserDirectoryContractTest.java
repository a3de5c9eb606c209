package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.Stores;
import dev.stepup.application.contract.UserDirectoryContract;

/**
 * The {@link UserDirectoryContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresUserDirectoryContractTest extends UserDirectoryContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
