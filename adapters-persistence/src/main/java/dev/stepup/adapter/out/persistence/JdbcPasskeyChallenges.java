package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pending WebAuthn ceremonies in {@code passkey_challenges}; taking one deletes it. */
public final class JdbcPasskeyChallenges implements PasskeyChallenges {

  private final JdbcClient jdbc;

  public JdbcPasskeyChallenges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(Pending p) {
    jdbc.sql(
            "INSERT INTO passkey_challenges (id, environment_id, user_id, session_id, kind,"
                + " request, alias, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.id(),
            p.environmentId().value(),
            p.userId().value(),
            p.sessionId().value(),
            p.kind().name(),
            p.request(),
            p.alias(),
            at(p.expiresAt()))
        .update();
  }

  @Override
  public Optional<Pending> take(String id) {
    Optional<Pending> found =
        jdbc.sql("SELECT * FROM passkey_challenges WHERE id = ?")
            .param(id)
            .query(
                (rs, n) ->
                    new Pending(
                        rs.getString("id"),
                        new EnvironmentId(rs.getString("environment_id")),
                        new UserId(rs.getString("user_id")),
                        new SessionId(rs.getString("session_id")),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("request"),
                        rs.getString("alias"),
                        Columns.instant(rs, "expires_at")))
            .optional();
    // Only the caller whose delete removed the row may use it.
    return found.filter(
        p -> jdbc.sql("DELETE FROM passkey_challenges WHERE id = ?").param(id).update() == 1);
  }

  @Override
  public void deleteExpiredBefore(Instant cutoff) {
    jdbc.sql("DELETE FROM passkey_challenges WHERE expires_at < ?").param(at(cutoff)).update();
  }
}
