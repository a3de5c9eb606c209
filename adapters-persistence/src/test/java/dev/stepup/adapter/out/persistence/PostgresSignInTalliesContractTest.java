package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.SignInTalliesContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link SignInTalliesContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresSignInTalliesContractTest extends SignInTalliesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
