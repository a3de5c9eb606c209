package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.security.SealedSecrets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The columns that hold secrets sealed with the master key. Rows are walked by their key; social
 * providers, keyed by environment and name, use both joined by a slash (neither may contain one);
 * queued deliveries their zero-padded id. Erased (null) values are skipped.
 */
public final class JdbcSealedSecrets implements SealedSecrets {

  /** A sealed column and the expression that names its row, which orders the walk. */
  private record Column(String table, String column, String rowKey) {}

  /** Numeric ids, padded so that text order is number order. */
  private static final String DELIVERY_KEY = "LPAD(CAST(id AS VARCHAR(20)), 20, '0')";

  private static final Map<String, Column> COLUMNS =
      Map.of(
          "totp_secret", new Column("totp_devices", "encrypted_secret", "id"),
          "wallet_key", new Column("embedded_wallets", "encrypted_private_key", "id"),
          "signing_key", new Column("signing_keys", "encrypted_private_key", "key_id"),
          "social_client_secret",
              new Column("social_providers", "client_secret", "environment_id || '/' || name"),
          "delivery_subject", new Column("deliveries", "sealed_subject", DELIVERY_KEY),
          "delivery_body", new Column("deliveries", "sealed_body", DELIVERY_KEY),
          "admin_totp_secret", new Column("admin_accounts", "totp_secret", "username"),
          "webhook_secret", new Column("webhook_settings", "sealed_secret", "environment_id"));
  private static final List<String> KINDS =
      List.of(
          "totp_secret",
          "wallet_key",
          "signing_key",
          "social_client_secret",
          "delivery_subject",
          "delivery_body",
          "admin_totp_secret",
          "webhook_secret");

  private final JdbcClient jdbc;

  public JdbcSealedSecrets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<String> kinds() {
    return KINDS;
  }

  @Override
  public List<Sealed> page(String kind, String afterRowKey, int limit) {
    Column c = column(kind);
    return jdbc.sql(
            "SELECT "
                + c.rowKey()
                + " AS row_key, "
                + c.column()
                + " AS sealed FROM "
                + c.table()
                + " WHERE "
                + c.column()
                + " IS NOT NULL AND "
                + c.rowKey()
                + " > ? ORDER BY "
                + c.rowKey()
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .param(afterRowKey)
        .query(
            (rs, n) ->
                new Sealed(
                    kind,
                    rs.getString("row_key"),
                    Base64.getDecoder().decode(rs.getString("sealed"))))
        .list();
  }

  @Override
  public boolean replace(Sealed current, byte[] resealed) {
    Column c = column(current.kind());
    return jdbc.sql(
                "UPDATE "
                    + c.table()
                    + " SET "
                    + c.column()
                    + " = ? WHERE "
                    + c.rowKey()
                    + " = ? AND "
                    + c.column()
                    + " = ?")
            .params(
                Columns.base64(resealed), current.rowKey(), Columns.base64(current.ciphertext()))
            .update()
        == 1;
  }

  private static Column column(String kind) {
    Column c = COLUMNS.get(kind);
    if (c == null) {
      throw new IllegalArgumentException("no sealed column " + kind);
    }
    return c;
  }
}
