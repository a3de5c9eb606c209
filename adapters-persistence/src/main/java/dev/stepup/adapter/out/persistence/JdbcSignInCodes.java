package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.otp.SignInCode;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in codes as digests; wrong entries and use are conditional updates. */
public final class JdbcSignInCodes implements SignInCodes {

  private final JdbcClient jdbc;
  private final OneTimeCodeRows codes;

  public JdbcSignInCodes(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.codes = new OneTimeCodeRows(jdbc, "sign_in_codes");
  }

  @Override
  public void add(SignInCode c) {
    jdbc.sql(
            "INSERT INTO sign_in_codes (id, environment_id, email, user_id, code_digest,"
                + " issued_at, expires_at, failed_attempts, used_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.id(),
            c.environmentId().value(),
            c.email(),
            c.userId().map(UserId::value).orElse(null),
            c.codeDigest(),
            at(c.issuedAt()),
            at(c.expiresAt()),
            c.failedAttempts(),
            at(c.usedAt()))
        .update();
  }

  @Override
  public Optional<SignInCode> latestFor(EnvironmentId environmentId, String email) {
    return jdbc.sql(
            "SELECT * FROM sign_in_codes WHERE environment_id = ? AND email = ?"
                + " ORDER BY issued_at DESC, id LIMIT 1")
        .params(environmentId.value(), email)
        .query((rs, n) -> code(rs))
        .optional();
  }

  @Override
  public List<Instant> sentSince(EnvironmentId environmentId, String email, Instant since) {
    return jdbc.sql(
            "SELECT issued_at FROM sign_in_codes WHERE environment_id = ? AND email = ?"
                + " AND issued_at >= ? ORDER BY issued_at")
        .params(environmentId.value(), email, at(since))
        .query((rs, n) -> Columns.instant(rs, "issued_at"))
        .list();
  }

  @Override
  public boolean recordWrongEntry(String codeId) {
    return codes.recordWrongEntry(codeId);
  }

  @Override
  public boolean markUsed(String codeId, Instant at) {
    return codes.markUsed(codeId, at);
  }

  @Override
  public int deleteExpired(Instant before) {
    return jdbc.sql("DELETE FROM sign_in_codes WHERE expires_at < ?").param(at(before)).update();
  }

  private static SignInCode code(ResultSet rs) throws SQLException {
    return new SignInCode(
        rs.getString("id"),
        new EnvironmentId(rs.getString("environment_id")),
        rs.getString("email"),
        Optional.ofNullable(rs.getString("user_id")).map(UserId::new),
        rs.getString("code_digest"),
        Columns.instant(rs, "issued_at"),
        Columns.instant(rs, "expires_at"),
        rs.getInt("failed_attempts"),
        Columns.instant(rs, "used_at"));
  }
}
