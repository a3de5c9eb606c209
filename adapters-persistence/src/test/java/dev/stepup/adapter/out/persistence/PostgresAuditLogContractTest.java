package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.AuditLogContract;
import dev.stepup.application.contract.Stores;

/** The {@link AuditLogContract} on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresAuditLogContractTest extends AuditLogContract {

  @Override
  protected Stores stores() {
    return JdbcStores.onPostgres();
  }
}
