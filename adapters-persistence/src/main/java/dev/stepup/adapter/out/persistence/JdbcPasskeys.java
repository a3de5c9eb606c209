package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passkeys in the {@code passkeys} table; public keys are stored as base64 COSE. */
public final class JdbcPasskeys implements Passkeys {

  private final JdbcClient jdbc;

  public JdbcPasskeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(Passkey p) {
    jdbc.sql(
            "INSERT INTO passkeys (id, user_id, webauthn_id, user_handle, public_key, sign_count,"
                + " alias, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.id().value(),
            p.userId().value(),
            p.webauthnId(),
            p.userHandle(),
            Columns.base64(p.publicKeyCose()),
            p.signCount(),
            p.alias(),
            at(p.createdAt()))
        .update();
  }

  @Override
  public Optional<Passkey> findByWebauthnId(String webauthnId) {
    return jdbc.sql("SELECT * FROM passkeys WHERE webauthn_id = ?")
        .param(webauthnId)
        .query((rs, n) -> passkey(rs))
        .optional();
  }

  @Override
  public List<Passkey> forUser(UserId userId) {
    return jdbc.sql("SELECT * FROM passkeys WHERE user_id = ? ORDER BY created_at, id")
        .param(userId.value())
        .query((rs, n) -> passkey(rs))
        .list();
  }

  @Override
  public boolean advanceCounter(CredentialId id, long previous, long reported, Instant when) {
    return jdbc.sql(
                "UPDATE passkeys SET sign_count = ?, last_used_at = ?"
                    + " WHERE id = ? AND sign_count = ?")
            .params(reported, at(when), id.value(), previous)
            .update()
        == 1;
  }

  @Override
  public void delete(CredentialId id) {
    jdbc.sql("DELETE FROM passkeys WHERE id = ?").param(id.value()).update();
  }

  private static Passkey passkey(ResultSet rs) throws SQLException {
    return new Passkey(
        new CredentialId(rs.getString("id")),
        new UserId(rs.getString("user_id")),
        rs.getString("webauthn_id"),
        rs.getString("user_handle"),
        Columns.bytes(rs, "public_key"),
        rs.getLong("sign_count"),
        rs.getString("alias"),
        Columns.instant(rs, "created_at"));
  }
}
