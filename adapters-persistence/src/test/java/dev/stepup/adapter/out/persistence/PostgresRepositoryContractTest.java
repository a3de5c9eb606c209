package dev.stepup.adapter.out.persistence;

import javax.sql.DataSource;

/** The repository contract on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresRepositoryContractTest extends RepositoryContractTest {

  @Override
  DataSource freshDatabase() {
    return SharedPostgres.freshDatabase();
  }
}
