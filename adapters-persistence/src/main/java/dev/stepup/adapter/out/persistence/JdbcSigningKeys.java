package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.token.CurrentSigningKey;
import dev.stepup.application.port.out.token.SigningKeys;
import dev.stepup.application.port.out.token.StoredSigningKey;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token-signing keys shared by every node; the private halves arrive encrypted. Which key signs is
 * the one row of {@code signing_key_current}, changed only by compare-and-set on its generation.
 */
public final class JdbcSigningKeys implements SigningKeys {

  private static final String COLUMNS =
      "key_id, public_jwk, encrypted_private_key, created_at, retired_at";

  private final JdbcClient jdbc;
  private final TransactionRunner transactions;

  public JdbcSigningKeys(JdbcClient jdbc, TransactionRunner transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public List<StoredSigningKey> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM signing_keys ORDER BY created_at DESC, key_id")
        .query((rs, n) -> row(rs))
        .list();
  }

  @Override
  public CurrentSigningKey current() {
    // One statement, so the generation and the key are read together.
    return jdbc.sql(
            "SELECT c.generation, k.key_id, k.public_jwk, k.encrypted_private_key, k.created_at,"
                + " k.retired_at FROM signing_key_current c"
                + " LEFT JOIN signing_keys k ON k.key_id = c.key_id WHERE c.id = 1")
        .query(
            (rs, n) ->
                new CurrentSigningKey(
                    rs.getLong("generation"),
                    rs.getString("key_id") == null ? Optional.empty() : Optional.of(row(rs))))
        .optional()
        .orElse(new CurrentSigningKey(0, Optional.empty()));
  }

  @Override
  public boolean rotate(long replacing, StoredSigningKey fresh, Instant now) {
    return transactions.inTransaction(
        () -> {
          // The compare-and-set comes first: it locks the row, so a second node waits here and
          // then finds the generation moved on.
          int won =
              jdbc.sql(
                      "UPDATE signing_key_current SET generation = ?, key_id = ?, rotated_at = ?"
                          + " WHERE id = 1 AND generation = ?")
                  .params(replacing + 1, fresh.keyId(), Columns.at(now), replacing)
                  .update();
          if (won != 1) {
            return false;
          }
          add(fresh);
          jdbc.sql(
                  "UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL AND key_id <> ?")
              .params(Columns.at(now), fresh.keyId())
              .update();
          return true;
        });
  }

  private static StoredSigningKey row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredSigningKey(
        rs.getString("key_id"),
        rs.getString("public_jwk"),
        Columns.bytes(rs, "encrypted_private_key"),
        Columns.instant(rs, "created_at"),
        Columns.optionalInstant(rs, "retired_at"));
  }

  @Override
  public void add(StoredSigningKey key) {
    jdbc.sql(
            "INSERT INTO signing_keys (key_id, public_jwk, encrypted_private_key, created_at,"
                + " retired_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            key.keyId(),
            key.publicJwk(),
            Columns.base64(key.encryptedPrivateKey()),
            at(key.createdAt()),
            at(key.retiredAt()))
        .update();
  }

  @Override
  public boolean retire(String keyId, Instant at) {
    return jdbc.sql(
                "UPDATE signing_keys SET retired_at = ? WHERE key_id = ? AND retired_at IS NULL")
            .params(at(at), keyId)
            .update()
        == 1;
  }

  @Override
  public int deleteRetiredBefore(Instant before) {
    return jdbc.sql("DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at < ?")
        .param(at(before))
        .update();
  }
}
