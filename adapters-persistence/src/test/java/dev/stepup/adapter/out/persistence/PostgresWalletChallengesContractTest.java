package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.Stores;
import dev.stepup.application.contract.WalletChallengesContract;

/**
 * The {@link WalletChallengesContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresWalletChallengesContractTest extends WalletChallengesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
