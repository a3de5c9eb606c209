package dev.stepup.adapter.out.persistence;

import javax.sql.DataSource;

/** The purge stores' contract on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresPurgeContractTest extends PurgeContractTest {

  @Override
  DataSource freshDatabase() {
    return SharedPostgres.freshDatabase();
  }
}
