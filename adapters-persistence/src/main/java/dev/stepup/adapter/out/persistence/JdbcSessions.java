package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions, found by id or by the digest of their bearer token. */
public final class JdbcSessions implements Sessions {

  private static final String COLUMNS =
      "SELECT id, environment_id, user_id, sign_in_credential_id, created_at, expires_at,"
          + " ended_at FROM sessions";

  private final JdbcClient jdbc;

  public JdbcSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(Session session, String tokenDigest) {
    jdbc.sql(
            "INSERT INTO sessions (id, environment_id, user_id, sign_in_credential_id,"
                + " token_digest, created_at, expires_at, ended_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            session.id().value(),
            session.environmentId().value(),
            session.userId().value(),
            session.signInCredentialId().map(CredentialId::value).orElse(null),
            tokenDigest,
            at(session.createdAt()),
            at(session.expiresAt()),
            at(session.endedAt()))
        .update();
  }

  @Override
  public Optional<Session> find(SessionId id) {
    return jdbc.sql(COLUMNS + " WHERE id = ?")
        .param(id.value())
        .query((rs, n) -> session(rs))
        .optional();
  }

  @Override
  public Optional<Session> findByTokenDigest(String tokenDigest) {
    return jdbc.sql(COLUMNS + " WHERE token_digest = ?")
        .param(tokenDigest)
        .query((rs, n) -> session(rs))
        .optional();
  }

  @Override
  public void save(Session session) {
    jdbc.sql("UPDATE sessions SET ended_at = ? WHERE id = ?")
        .params(at(session.endedAt()), session.id().value())
        .update();
  }

  private static Session session(ResultSet rs) throws SQLException {
    return new Session(
        new SessionId(rs.getString("id")),
        new EnvironmentId(rs.getString("environment_id")),
        new UserId(rs.getString("user_id")),
        Columns.optionalString(rs, "sign_in_credential_id").map(CredentialId::new),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "expires_at"),
        Columns.instant(rs, "ended_at"));
  }
}
