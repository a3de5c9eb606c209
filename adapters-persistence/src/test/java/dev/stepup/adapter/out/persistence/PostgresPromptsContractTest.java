package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.PromptsContract;
import dev.stepup.application.contract.Stores;

/** The {@link PromptsContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresPromptsContractTest extends PromptsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
