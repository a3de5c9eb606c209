package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.AuditStatisticsContract;
import dev.stepup.application.contract.Stores;

/**
 * The {@link AuditStatisticsContract} on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresAuditStatisticsContractTest extends AuditStatisticsContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
