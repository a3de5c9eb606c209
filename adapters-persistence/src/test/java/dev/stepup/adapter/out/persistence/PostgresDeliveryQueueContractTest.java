package dev.stepup.adapter.out.persistence;

import javax.sql.DataSource;

/** The delivery queue's contract on a real PostgreSQL server, shared by the PostgreSQL tests. */
class PostgresDeliveryQueueContractTest extends DeliveryQueueContractTest {

  @Override
  DataSource freshDatabase() {
    return SharedPostgres.freshDatabase();
  }
}
