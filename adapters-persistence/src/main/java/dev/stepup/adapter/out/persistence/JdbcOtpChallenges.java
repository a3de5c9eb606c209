package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One-time codes as digests; wrong entries and use are conditional updates. */
public final class JdbcOtpChallenges implements OtpChallenges {

  private final JdbcClient jdbc;
  private final OneTimeCodeRows codes;

  public JdbcOtpChallenges(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.codes = new OneTimeCodeRows(jdbc, "otp_challenges");
  }

  @Override
  public void add(OtpChallenge c) {
    jdbc.sql(
            "INSERT INTO otp_challenges (id, environment_id, user_id, session_id, credential_id,"
                + " channel, code_digest, issued_at, expires_at, failed_attempts, used_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.id(),
            c.environmentId().value(),
            c.userId().value(),
            c.sessionId().value(),
            c.credentialId().value(),
            c.channel().wire(),
            c.codeDigest(),
            at(c.issuedAt()),
            at(c.expiresAt()),
            c.failedAttempts(),
            at(c.usedAt()))
        .update();
  }

  @Override
  public Optional<OtpChallenge> latestForSession(SessionId sessionId) {
    return jdbc.sql(
            "SELECT * FROM otp_challenges WHERE session_id = ? ORDER BY issued_at DESC, id"
                + " LIMIT 1")
        .param(sessionId.value())
        .query((rs, n) -> challenge(rs))
        .optional();
  }

  @Override
  public List<Instant> sentSince(SessionId sessionId, Instant since) {
    return jdbc.sql(
            "SELECT issued_at FROM otp_challenges WHERE session_id = ? AND issued_at >= ?"
                + " ORDER BY issued_at")
        .params(sessionId.value(), at(since))
        .query((rs, n) -> Columns.instant(rs, "issued_at"))
        .list();
  }

  @Override
  public boolean recordWrongEntry(String challengeId) {
    return codes.recordWrongEntry(challengeId);
  }

  @Override
  public boolean markUsed(String challengeId, Instant at) {
    return codes.markUsed(challengeId, at);
  }

  private static OtpChallenge challenge(ResultSet rs) throws SQLException {
    return new OtpChallenge(
        rs.getString("id"),
        new EnvironmentId(rs.getString("environment_id")),
        new UserId(rs.getString("user_id")),
        new SessionId(rs.getString("session_id")),
        new CredentialId(rs.getString("credential_id")),
        VerificationMethod.fromWire(rs.getString("channel")).orElseThrow(),
        rs.getString("code_digest"),
        Columns.instant(rs, "issued_at"),
        Columns.instant(rs, "expires_at"),
        rs.getInt("failed_attempts"),
        Columns.instant(rs, "used_at"));
  }
}
