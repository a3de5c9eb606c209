package dev.stepup.adapter.out.persistence;

import javax.sql.DataSource;

/**
 * The console repositories' contract on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresConsoleRepositoryContractTest extends ConsoleRepositoryContractTest {

  @Override
  DataSource freshDatabase() {
    return SharedPostgres.freshDatabase();
  }
}
