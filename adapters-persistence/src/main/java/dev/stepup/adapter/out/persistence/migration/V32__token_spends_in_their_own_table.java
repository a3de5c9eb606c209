package dev.stepup.adapter.out.persistence.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A spend becomes a row of {@code token_spends} instead of an update of its token's row, which H2
 * runs as rewriting the row in all 6 B-trees of {@code elevated_tokens} (ADR 0039). A token's spent
 * state moves there: its {@code consumed_at}, {@code spent_scopes} and {@code spent_count} become
 * rows, and {@code spends_to_use_up} says how many spends use it up (none: it never is).
 *
 * <p>The old columns are dropped, so a node of the previous version fails every token statement
 * until it is replaced rather than spend a token a second time beside this version (fails closed).
 * In Java because the spent scopes are parsed, alike on H2 and PostgreSQL.
 */
public class V32__token_spends_in_their_own_table extends BaseJavaMigration {

  /** The spend of a token whose scopes are spent together (written before V28). */
  private static final String WHOLE = "*";

  /** {@code single_use_scopes} of a token whose every scope is single-use (V28). */
  private static final String EVERY_SCOPE = "*";

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE token_spends ("
              + " token_id VARCHAR(40) NOT NULL REFERENCES elevated_tokens (id) ON DELETE CASCADE,"
              + " scope VARCHAR(64) NOT NULL,"
              + " spent_at TIMESTAMP WITH TIME ZONE NOT NULL,"
              + " PRIMARY KEY (token_id, scope))");
      statement.execute("ALTER TABLE elevated_tokens ADD COLUMN spends_to_use_up INTEGER");
      statement.execute(
          "UPDATE elevated_tokens SET spends_to_use_up = 1"
              + " WHERE single_use_scopes IS NULL AND single_use = TRUE");
      statement.execute(
          "INSERT INTO token_spends (token_id, scope, spent_at)"
              + " SELECT id, '"
              + WHOLE
              + "', consumed_at FROM elevated_tokens"
              + " WHERE single_use_scopes IS NULL AND consumed_at IS NOT NULL");
    }
    movePerScopeSpends(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE elevated_tokens DROP COLUMN consumed_at");
      statement.execute("ALTER TABLE elevated_tokens DROP COLUMN spent_scopes");
      statement.execute("ALTER TABLE elevated_tokens DROP COLUMN spent_count");
    }
  }

  /** Tokens spent per scope (V28): each {@code " scope@millis"} entry becomes a row. */
  private static void movePerScopeSpends(Connection connection) throws Exception {
    try (Statement read = connection.createStatement();
        PreparedStatement useUp =
            connection.prepareStatement(
                "UPDATE elevated_tokens SET spends_to_use_up = ? WHERE id = ?");
        PreparedStatement spend =
            connection.prepareStatement(
                "INSERT INTO token_spends (token_id, scope, spent_at) VALUES (?, ?, ?)");
        ResultSet rows =
            read.executeQuery(
                "SELECT id, scopes, single_use_scopes, spent_scopes FROM elevated_tokens"
                    + " WHERE single_use_scopes IS NOT NULL")) {
      while (rows.next()) {
        String id = rows.getString("id");
        if (EVERY_SCOPE.equals(rows.getString("single_use_scopes"))) {
          useUp.setInt(1, rows.getString("scopes").trim().split(" +").length);
          useUp.setString(2, id);
          useUp.addBatch();
        }
        String spent = rows.getString("spent_scopes");
        if (spent == null || spent.isBlank()) {
          continue;
        }
        Set<String> scopes = new HashSet<>();
        for (String entry : spent.trim().split(" +")) {
          int at = entry.lastIndexOf('@');
          // The first entry of a scope is its spend, as the tokens were read before.
          if (at <= 0 || !scopes.add(entry.substring(0, at))) {
            continue;
          }
          spend.setString(1, id);
          spend.setString(2, entry.substring(0, at));
          spend.setObject(
              3,
              Instant.ofEpochMilli(Long.parseLong(entry.substring(at + 1)))
                  .atOffset(ZoneOffset.UTC));
          spend.addBatch();
        }
      }
      useUp.executeBatch();
      spend.executeBatch();
    }
  }
}
