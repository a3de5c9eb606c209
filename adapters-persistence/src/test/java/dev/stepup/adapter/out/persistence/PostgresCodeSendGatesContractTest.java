package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.CodeSendGatesContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link CodeSendGatesContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresCodeSendGatesContractTest extends CodeSendGatesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
