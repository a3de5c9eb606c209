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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions, found by id or by the digest of their bearer token. */
public final class JdbcSessions implements Sessions {

  /** The columns {@link #session(ResultSet)} reads, for every query of sessions. */
  static final String COLUMNS =
      "SELECT id, environment_id, user_id, sign_in_credential_id, created_at, expires_at,"
          + " last_seen_at, idle_timeout_seconds, ended_at FROM sessions";

  private static final String OPEN = " AND ended_at IS NULL AND expires_at > ?";

  private final JdbcClient jdbc;

  public JdbcSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(Session session, String tokenDigest) {
    jdbc.sql(
            "INSERT INTO sessions (id, environment_id, user_id, sign_in_credential_id,"
                + " token_digest, created_at, expires_at, last_seen_at, idle_timeout_seconds,"
                + " ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            session.id().value(),
            session.environmentId().value(),
            session.userId().value(),
            session.signInCredentialId().map(CredentialId::value).orElse(null),
            tokenDigest,
            at(session.createdAt()),
            at(session.expiresAt()),
            at(session.lastSeenAt()),
            session.idleTimeout().toSeconds(),
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

  @Override
  public void markSeen(SessionId id, Instant at) {
    jdbc.sql(
            "UPDATE sessions SET last_seen_at = ?"
                + " WHERE id = ? AND ended_at IS NULL AND last_seen_at < ?")
        .params(at(at), id.value(), at(at))
        .update();
  }

  @Override
  public List<Session> openOf(EnvironmentId environmentId, UserId userId, Instant now) {
    return jdbc.sql(
            COLUMNS
                + " WHERE environment_id = ? AND user_id = ?"
                + OPEN
                + " ORDER BY created_at DESC, id")
        .params(environmentId.value(), userId.value(), at(now))
        .query((rs, n) -> session(rs))
        .list();
  }

  @Override
  public List<Session> openSignedInWith(CredentialId credentialId, Instant now) {
    return jdbc.sql(
            COLUMNS + " WHERE sign_in_credential_id = ?" + OPEN + " ORDER BY created_at, id")
        .params(credentialId.value(), at(now))
        .query((rs, n) -> session(rs))
        .list();
  }

  static Session session(ResultSet rs) throws SQLException {
    return new Session(
        new SessionId(rs.getString("id")),
        new EnvironmentId(rs.getString("environment_id")),
        new UserId(rs.getString("user_id")),
        Columns.optionalString(rs, "sign_in_credential_id").map(CredentialId::new),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "expires_at"),
        Columns.instant(rs, "last_seen_at"),
        Duration.ofSeconds(rs.getLong("idle_timeout_seconds")),
        Columns.instant(rs, "ended_at"));
  }
}
