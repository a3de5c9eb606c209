package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.TransactionRunnerContract;
import dev.stepup.application.contract.Stores;

/** The {@link TransactionRunnerContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresTransactionRunnerContractTest extends TransactionRunnerContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
