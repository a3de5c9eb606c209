package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.EnvironmentsContract;
import dev.stepup.application.contract.Stores;

/** The {@link EnvironmentsContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresEnvironmentsContractTest extends EnvironmentsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
