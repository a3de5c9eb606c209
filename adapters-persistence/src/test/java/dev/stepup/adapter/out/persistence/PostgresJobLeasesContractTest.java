package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.JobLeasesContract;
import dev.stepup.application.contract.Stores;

/** The {@link JobLeasesContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresJobLeasesContractTest extends JobLeasesContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
