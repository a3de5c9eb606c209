package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.PasskeyChallengesContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link PasskeyChallengesContract} on a real PostgreSQL server, shared by the PostgreSQL
 * tests.
 */
class PostgresPasskeyChallengesContractTest extends PasskeyChallengesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
