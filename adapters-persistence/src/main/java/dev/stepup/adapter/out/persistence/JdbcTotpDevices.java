package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** TOTP devices; the last accepted time step only moves forward (replay protection). */
public final class JdbcTotpDevices implements TotpDevices {

  private final JdbcClient jdbc;

  public JdbcTotpDevices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(TotpDevice d) {
    jdbc.sql(
            "INSERT INTO totp_devices (id, user_id, alias, encrypted_secret, last_step,"
                + " created_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            d.id().value(),
            d.userId().value(),
            d.alias(),
            Columns.base64(d.encryptedSecret()),
            d.lastAcceptedStep(),
            at(d.createdAt()),
            at(d.confirmedAt()))
        .update();
  }

  @Override
  public Optional<TotpDevice> find(CredentialId id) {
    return jdbc.sql("SELECT * FROM totp_devices WHERE id = ?")
        .param(id.value())
        .query((rs, n) -> device(rs))
        .optional();
  }

  @Override
  public List<TotpDevice> confirmedForUser(UserId userId) {
    return jdbc.sql(
            "SELECT * FROM totp_devices WHERE user_id = ? AND confirmed_at IS NOT NULL"
                + " ORDER BY created_at, id")
        .param(userId.value())
        .query((rs, n) -> device(rs))
        .list();
  }

  @Override
  public boolean confirm(CredentialId id, long step, Instant at) {
    return jdbc.sql(
                "UPDATE totp_devices SET confirmed_at = ?, last_step = ?"
                    + " WHERE id = ? AND confirmed_at IS NULL")
            .params(at(at), step, id.value())
            .update()
        == 1;
  }

  @Override
  public boolean advanceStep(CredentialId id, long step) {
    return jdbc.sql("UPDATE totp_devices SET last_step = ? WHERE id = ? AND last_step < ?")
            .params(step, id.value(), step)
            .update()
        == 1;
  }

  @Override
  public void delete(CredentialId id) {
    jdbc.sql("DELETE FROM totp_devices WHERE id = ?").param(id.value()).update();
  }

  @Override
  public int deletePendingCreatedBefore(Instant before) {
    return jdbc.sql("DELETE FROM totp_devices WHERE confirmed_at IS NULL AND created_at < ?")
        .param(at(before))
        .update();
  }

  private static TotpDevice device(ResultSet rs) throws SQLException {
    return new TotpDevice(
        new CredentialId(rs.getString("id")),
        new UserId(rs.getString("user_id")),
        rs.getString("alias"),
        Columns.bytes(rs, "encrypted_secret"),
        rs.getLong("last_step"),
        Columns.instant(rs, "created_at"),
        Columns.optionalInstant(rs, "confirmed_at"));
  }
}
