package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.SignInCodesContract;
import dev.stepup.application.contract.Stores;

/** The {@link SignInCodesContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresSignInCodesContractTest extends SignInCodesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
