package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.ContactProofsContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link ContactProofsContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresContactProofsContractTest extends ContactProofsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
