package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.SocialLoginsContract;
import dev.stepup.application.contract.Stores;

/** The {@link SocialLoginsContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresSocialLoginsContractTest extends SocialLoginsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
