package dev.stepup.adapter.out.persistence;

import javax.sql.DataSource;

/** The sealed stores' contract on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresSealedStorageContractTest extends SealedStorageContractTest {

  @Override
  DataSource freshDatabase() {
    return SharedPostgres.freshDatabase();
  }
}
