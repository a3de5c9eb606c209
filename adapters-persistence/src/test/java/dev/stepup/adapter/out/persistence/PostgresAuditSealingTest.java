package dev.stepup.adapter.out.persistence;

import javax.sql.DataSource;

class PostgresAuditSealingTest extends AuditSealingContract {

  @Override
  protected DataSource database() {
    return SharedPostgres.freshDatabase();
  }
}
