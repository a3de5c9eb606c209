package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.AdminAccountsContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link AdminAccountsContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresAdminAccountsContractTest extends AdminAccountsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
