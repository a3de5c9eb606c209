package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.ContactProofs;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.otp.ContactProof;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pending proofs of addresses and numbers; their codes as digests, used by conditional updates. */
public final class JdbcContactProofs implements ContactProofs {

  private final JdbcClient jdbc;
  private final OneTimeCodeRows codes;

  public JdbcContactProofs(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.codes = new OneTimeCodeRows(jdbc, "contact_proofs");
  }

  @Override
  public void add(ContactProof p) {
    jdbc.sql(
            "INSERT INTO contact_proofs (id, environment_id, user_id, session_id, format,"
                + " identifier, code_digest, issued_at, expires_at, failed_attempts, used_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.id(),
            p.environmentId().value(),
            p.userId().value(),
            p.sessionId().value(),
            p.format().wire(),
            p.identifier(),
            p.codeDigest(),
            at(p.issuedAt()),
            at(p.expiresAt()),
            p.failedAttempts(),
            at(p.usedAt()))
        .update();
  }

  @Override
  public Optional<ContactProof> find(String proofId) {
    return jdbc.sql("SELECT * FROM contact_proofs WHERE id = ?")
        .param(proofId)
        .query((rs, n) -> proof(rs))
        .optional();
  }

  @Override
  public Optional<ContactProof> latestForSession(SessionId sessionId) {
    return jdbc.sql(
            "SELECT * FROM contact_proofs WHERE session_id = ?"
                + " ORDER BY issued_at DESC, id DESC LIMIT 1")
        .param(sessionId.value())
        .query((rs, n) -> proof(rs))
        .optional();
  }

  @Override
  public List<Instant> sentSince(SessionId sessionId, Instant since) {
    return jdbc.sql(
            "SELECT issued_at FROM contact_proofs WHERE session_id = ? AND issued_at >= ?"
                + " ORDER BY issued_at")
        .params(sessionId.value(), at(since))
        .query((rs, n) -> Columns.instant(rs, "issued_at"))
        .list();
  }

  @Override
  public boolean recordWrongEntry(String proofId) {
    return codes.recordWrongEntry(proofId);
  }

  @Override
  public boolean markUsed(String proofId, Instant at) {
    return codes.markUsed(proofId, at);
  }

  @Override
  public int deleteExpired(Instant before) {
    return jdbc.sql("DELETE FROM contact_proofs WHERE expires_at < ?").param(at(before)).update();
  }

  private static ContactProof proof(ResultSet rs) throws SQLException {
    return new ContactProof(
        rs.getString("id"),
        new EnvironmentId(rs.getString("environment_id")),
        new UserId(rs.getString("user_id")),
        new SessionId(rs.getString("session_id")),
        CredentialFormat.fromWire(rs.getString("format")).orElseThrow(),
        rs.getString("identifier"),
        rs.getString("code_digest"),
        Columns.instant(rs, "issued_at"),
        Columns.instant(rs, "expires_at"),
        rs.getInt("failed_attempts"),
        Columns.optionalInstant(rs, "used_at"));
  }
}
