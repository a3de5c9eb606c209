package dev.stepup.bench;

import dev.stepup.adapter.out.persistence.H2Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What one durable commit of a spend costs in an H2 file the harness filled: run on a copy of its
 * {@code data-h2} folder (it writes), {@code java -cp benchmarks.jar dev.stepup.bench.H2CommitCost
 * <folder> [commits]}. One thread, one commit per spend, so the cost is not shared by a group; each
 * variant leaves out part of the work and prints microseconds and bytes written per commit (H2's
 * own write counter).
 */
public final class H2CommitCost {

  private H2CommitCost() {}

  /** What each commit holds. */
  private enum Variant {
    TOKEN_AND_AUDIT("spend row + audit row", true, true),
    TOKEN_ONLY("spend row only", true, false),
    AUDIT_ONLY("audit row only", false, true);

    final String label;
    final boolean token;
    final boolean audit;

    Variant(String label, boolean token, boolean audit) {
      this.label = label;
      this.token = token;
      this.audit = audit;
    }
  }

  public static void main(String[] args) throws Exception {
    String url = H2Settings.url(Path.of(args[0])); // opened as the server opens it
    int commits = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    try (Connection connection = DriverManager.getConnection(url, "stepup", "")) {
      List<String> tokens = unspentTokens(connection, 3 * commits);
      Spend spend = new Spend(connection, auditTemplate(connection));
      // The warm-up spends the first tokens, so the JIT is not billed to the first variant; the
      // audit-only variant reads those again (it spends nothing), the others take fresh ones.
      run(connection, "warm-up", Variant.TOKEN_AND_AUDIT, tokens.subList(0, commits), spend);
      run(connection, "", Variant.TOKEN_AND_AUDIT, tokens.subList(commits, 2 * commits), spend);
      run(connection, "", Variant.TOKEN_ONLY, tokens.subList(2 * commits, 3 * commits), spend);
      run(connection, "", Variant.AUDIT_ONLY, tokens.subList(0, commits), spend);
    }
  }

  private static List<String> unspentTokens(Connection connection, int count) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT id FROM elevated_tokens t WHERE single_use AND NOT EXISTS"
                    + " (SELECT 1 FROM token_spends s WHERE s.token_id = t.id) FETCH FIRST "
                    + count
                    + " ROWS ONLY")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    if (ids.size() < count) {
      throw new IllegalStateException("the file holds " + ids.size() + " unspent tokens");
    }
    return ids;
  }

  private static long auditTemplate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT MAX(id) FROM audit_events WHERE type = 'token_consumed'")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Commits each spend on its own and prints the mean time and bytes written per commit. */
  private static void run(
      Connection connection, String label, Variant variant, List<String> tokens, Spend spend)
      throws SQLException {
    connection.setAutoCommit(false);
    long bytesBefore = writtenBytes(connection);
    long start = System.nanoTime();
    for (String id : tokens) {
      spend.once(id, variant);
      connection.commit();
    }
    long micros = (System.nanoTime() - start) / 1_000 / tokens.size();
    long bytes = (writtenBytes(connection) - bytesBefore) / tokens.size();
    connection.setAutoCommit(true);
    System.out.printf(
        "%-32s %6d µs per commit %8d bytes written per commit%n",
        label.isEmpty() ? variant.label : label + " (" + variant.label + ")", micros, bytes);
  }

  private static long writtenBytes(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'")) {
      row.next();
      return Long.parseLong(row.getString(1));
    }
  }

  /** The statements of a consuming introspection: read the token, mark it spent, audit it. */
  private static final class Spend {
    private final PreparedStatement read;
    private final PreparedStatement mark;
    private final PreparedStatement audit;
    private final long template;

    Spend(Connection connection, long template) throws SQLException {
      this.template = template;
      String columns =
          "at, environment_id, type, outcome, user_id, session_id, scopes, method, reason, actor,"
              + " client_ip, user_agent";
      read =
          connection.prepareStatement(
              "SELECT * FROM elevated_tokens t LEFT JOIN token_spends s ON s.token_id = t.id"
                  + " WHERE t.id = ?");
      mark =
          connection.prepareStatement(
              "INSERT INTO token_spends (token_id, scope, spent_at) SELECT id, ?,"
                  + " CURRENT_TIMESTAMP FROM elevated_tokens WHERE id = ? AND revoked_at IS NULL"
                  + " AND NOT EXISTS (SELECT 1 FROM token_spends WHERE token_id = ? AND scope = ?)");
      audit =
          connection.prepareStatement(
              "INSERT INTO audit_pending ("
                  + columns
                  + ") SELECT "
                  + columns
                  + " FROM audit_events WHERE id = ?");
    }

    void once(String id, Variant variant) throws SQLException {
      read.setString(1, id);
      String scope;
      try (ResultSet row = read.executeQuery()) {
        row.next();
        scope = row.getString("scopes").split(" ")[0];
      }
      if (variant.token) {
        mark.setString(1, scope);
        mark.setString(2, id);
        mark.setString(3, id);
        mark.setString(4, scope);
        if (mark.executeUpdate() != 1) {
          throw new IllegalStateException("token " + id + " was spent already");
        }
      }
      if (variant.audit) {
        audit.setLong(1, template);
        if (audit.executeUpdate() != 1) {
          throw new IllegalStateException("no token_consumed audit row to copy");
        }
      }
    }
  }
}
