package dev.stepup.adapter.out.persistence;

import javax.sql.DataSource;

/**
 * The signing-key rotation contract on a real PostgreSQL server, shared by the PostgreSQL tests.
 */
class PostgresSigningKeyRotationContractTest extends SigningKeyRotationContractTest {

  @Override
  DataSource freshDatabase() {
    return SharedPostgres.freshDatabase();
  }
}
