package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.Stores;
import dev.stepup.application.contract.TransactionRunnerContract;

/**
 * The {@link TransactionRunnerContract} on a real PostgreSQL server, shared by the PostgreSQL
 * tests.
 */
class PostgresTransactionRunnerContractTest extends TransactionRunnerContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
