package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.token.SigningKeys;
import dev.stepup.application.port.out.token.StoredSigningKey;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Token-signing keys shared by every node; the private halves arrive encrypted. */
public final class JdbcSigningKeys implements SigningKeys {

  private final JdbcClient jdbc;

  public JdbcSigningKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<StoredSigningKey> all() {
    return jdbc.sql(
            "SELECT key_id, public_jwk, encrypted_private_key, created_at, retired_at"
                + " FROM signing_keys ORDER BY created_at DESC, key_id")
        .query(
            (rs, n) ->
                new StoredSigningKey(
                    rs.getString("key_id"),
                    rs.getString("public_jwk"),
                    Columns.bytes(rs, "encrypted_private_key"),
                    Columns.instant(rs, "created_at"),
                    Columns.optionalInstant(rs, "retired_at")))
        .list();
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
