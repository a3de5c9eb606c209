package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.FailureTalliesContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link FailureTalliesContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresFailureTalliesContractTest extends FailureTalliesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
