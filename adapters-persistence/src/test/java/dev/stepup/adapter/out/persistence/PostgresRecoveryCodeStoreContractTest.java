package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.RecoveryCodeStoreContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link RecoveryCodeStoreContract} on a real PostgreSQL server, shared by the PostgreSQL
 * tests.
 */
class PostgresRecoveryCodeStoreContractTest extends RecoveryCodeStoreContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
