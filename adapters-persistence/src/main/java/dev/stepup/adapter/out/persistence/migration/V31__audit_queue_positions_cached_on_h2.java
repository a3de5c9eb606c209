package dev.stepup.adapter.out.persistence.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, an audit record's queue position comes from an identity whose cache of 32 values H2
 * refills with a commit of its own, written to the file like any other: about 3 % of an issuance's
 * CPU. A cache of 1,024 makes that one commit in 1,024 records; a crash skips the unused values,
 * which only leaves a gap in positions no one reads as ids. H2 hands out cached values in order to
 * every connection. PostgreSQL keeps its default: its caches are per connection, and would number
 * records out of the order they were written in.
 */
public class V31__audit_queue_positions_cached_on_h2 extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE audit_pending ALTER COLUMN seq SET CACHE 1024");
    }
  }
}
