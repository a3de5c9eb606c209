package dev.stepup.adapter.out.persistence;

import javax.sql.DataSource;

/** The code repositories' contract on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresCodeRepositoryContractTest extends CodeRepositoryContractTest {

  @Override
  DataSource freshDatabase() {
    return SharedPostgres.freshDatabase();
  }
}
