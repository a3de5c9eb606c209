package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.OtpChallengesContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link OtpChallengesContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresOtpChallengesContractTest extends OtpChallengesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
