package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.social.SocialLogin;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Social logins in progress in the {@code social_logins} table. */
public final class JdbcSocialLogins implements SocialLogins {

  private final JdbcClient jdbc;

  public JdbcSocialLogins(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(SocialLogin l, String stateDigest) {
    jdbc.sql(
            "INSERT INTO social_logins (id, state_digest, environment_id, user_id, session_id,"
                + " provider, purpose, scopes, redirect_uri, nonce, code_verifier, started_at,"
                + " completed_at, subject, email, linked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            l.id(),
            stateDigest,
            l.environmentId().value(),
            l.userId().value(),
            l.sessionId().value(),
            l.provider(),
            l.purpose().name(),
            l.scopes().stream().map(Scope::wire).sorted().collect(Collectors.joining(" ")),
            l.redirectUri(),
            l.nonce(),
            l.codeVerifier(),
            at(l.startedAt()),
            at(l.completedAt()),
            l.subject().orElse(null),
            l.email().orElse(null),
            at(l.linkedAt()))
        .update();
  }

  @Override
  public Optional<SocialLogin> findByState(String stateDigest) {
    return jdbc.sql("SELECT * FROM social_logins WHERE state_digest = ?")
        .param(stateDigest)
        .query((rs, n) -> login(rs))
        .optional();
  }

  @Override
  public Optional<SocialLogin> find(String id) {
    return jdbc.sql("SELECT * FROM social_logins WHERE id = ?")
        .param(id)
        .query((rs, n) -> login(rs))
        .optional();
  }

  @Override
  public boolean complete(String id, Instant now) {
    return jdbc.sql(
                "UPDATE social_logins SET completed_at = ? WHERE id = ? AND completed_at IS NULL")
            .params(at(now), id)
            .update()
        == 1;
  }

  @Override
  public void identify(String id, String subject, Optional<String> email) {
    jdbc.sql(
            "UPDATE social_logins SET subject = ?, email = ?"
                + " WHERE id = ? AND completed_at IS NOT NULL AND subject IS NULL")
        .params(subject, email.orElse(null), id)
        .update();
  }

  @Override
  public boolean markLinked(String id, Instant now) {
    return jdbc.sql(
                "UPDATE social_logins SET linked_at = ?"
                    + " WHERE id = ? AND subject IS NOT NULL AND linked_at IS NULL")
            .params(at(now), id)
            .update()
        == 1;
  }

  @Override
  public void deleteStartedBefore(Instant cutoff) {
    jdbc.sql("DELETE FROM social_logins WHERE started_at < ?").param(at(cutoff)).update();
  }

  private static SocialLogin login(ResultSet rs) throws SQLException {
    return new SocialLogin(
        rs.getString("id"),
        new EnvironmentId(rs.getString("environment_id")),
        new UserId(rs.getString("user_id")),
        new SessionId(rs.getString("session_id")),
        rs.getString("provider"),
        SocialLogin.Purpose.valueOf(rs.getString("purpose")),
        Arrays.stream(rs.getString("scopes").split(" "))
            .map(Scope::fromWire)
            .flatMap(Optional::stream)
            .collect(Collectors.toUnmodifiableSet()),
        rs.getString("redirect_uri"),
        rs.getString("nonce"),
        rs.getString("code_verifier"),
        Columns.instant(rs, "started_at"),
        Columns.optionalInstant(rs, "completed_at"),
        Columns.optionalString(rs, "subject"),
        Columns.optionalString(rs, "email"),
        Columns.optionalInstant(rs, "linked_at"));
  }
}
