package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.user.UserDirectory;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.UserId;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finds users by what their credentials name, and lists a user's sessions, for the console. */
public final class JdbcUserDirectory implements UserDirectory {

  private final JdbcClient jdbc;

  public JdbcUserDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<UserId> search(EnvironmentId environmentId, String text, int limit) {
    String wanted = text.strip();
    if (wanted.isEmpty()) {
      return jdbc.sql(
              "SELECT id FROM users WHERE environment_id = ? ORDER BY created_at DESC, id"
                  + " LIMIT ?")
          .params(environmentId.value(), limit)
          .query((rs, n) -> new UserId(rs.getString("id")))
          .list();
    }
    // Passkey and TOTP identifiers are authenticator ids, not something an admin searches by.
    return jdbc.sql(
            "SELECT u.id, u.created_at FROM users u WHERE u.environment_id = ? AND (u.id = ?"
                + " OR EXISTS (SELECT 1 FROM credentials c WHERE c.user_id = u.id"
                + " AND c.environment_id = ? AND c.format NOT IN (?, ?)"
                + " AND LOWER(c.identifier) LIKE ? ESCAPE '\\'))"
                + " ORDER BY u.created_at DESC, u.id LIMIT ?")
        .params(
            environmentId.value(),
            wanted,
            environmentId.value(),
            CredentialFormat.PASSKEY.wire(),
            CredentialFormat.TOTP.wire(),
            "%" + escapeLike(wanted.toLowerCase(Locale.ROOT)) + "%",
            limit)
        .query((rs, n) -> new UserId(rs.getString("id")))
        .list();
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  public List<Session> sessionsOf(EnvironmentId environmentId, UserId userId, int limit) {
    return jdbc.sql(
            JdbcSessions.COLUMNS
                + " WHERE environment_id = ? AND user_id = ? ORDER BY created_at DESC, id LIMIT ?")
        .params(environmentId.value(), userId.value(), limit)
        .query((rs, n) -> JdbcSessions.session(rs))
        .list();
  }
}
