package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.OutboxContract;
import dev.stepup.application.contract.Stores;

/** The {@link OutboxContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresOutboxContractTest extends OutboxContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
