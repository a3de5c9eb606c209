package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.SocialProvidersContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link SocialProvidersContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresSocialProvidersContractTest extends SocialProvidersContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
