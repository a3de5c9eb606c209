package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.StepUpLockoutsContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link StepUpLockoutsContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresStepUpLockoutsContractTest extends StepUpLockoutsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
