package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.Stores;
import dev.stepup.application.contract.TotpDevicesContract;

/** The {@link TotpDevicesContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresTotpDevicesContractTest extends TotpDevicesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
