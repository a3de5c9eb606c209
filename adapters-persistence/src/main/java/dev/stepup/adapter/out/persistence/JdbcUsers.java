package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users and their credentials; saving brings the credential rows in line with the aggregate. */
public final class JdbcUsers implements Users {

  private final JdbcClient jdbc;

  public JdbcUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record UserRow(String id, String environmentId, Instant createdAt) {}

  @Override
  public Optional<User> find(EnvironmentId environmentId, UserId userId) {
    return jdbc.sql(
            "SELECT id, environment_id, created_at FROM users WHERE id = ? AND environment_id = ?")
        .params(userId.value(), environmentId.value())
        .query(
            (rs, n) ->
                new UserRow(rs.getString(1), rs.getString(2), Columns.instant(rs, "created_at")))
        .optional()
        .map(this::load);
  }

  @Override
  public Optional<User> findByCredential(
      EnvironmentId environmentId, CredentialFormat format, String identifier) {
    return jdbc.sql(
            "SELECT user_id FROM credentials"
                + " WHERE environment_id = ? AND format = ? AND identifier = ?")
        .params(environmentId.value(), format.wire(), identifier)
        .query(String.class)
        .optional()
        .flatMap(id -> find(environmentId, new UserId(id)));
  }

  private User load(UserRow row) {
    List<Credential> credentials =
        jdbc.sql(
                "SELECT id, format, identifier, type, alias, sign_in_enabled, created_at,"
                    + " default_mfa FROM credentials WHERE user_id = ? ORDER BY created_at, id")
            .param(row.id())
            .query((rs, n) -> credential(rs))
            .list();
    return new User(
        new UserId(row.id()), new EnvironmentId(row.environmentId()), row.createdAt(), credentials);
  }

  private static Credential credential(ResultSet rs) throws SQLException {
    return new Credential(
        new CredentialId(rs.getString("id")),
        CredentialFormat.fromWire(rs.getString("format"))
            .orElseThrow(() -> new IllegalStateException("unknown credential format in database")),
        rs.getString("identifier"),
        Columns.optionalString(rs, "type"),
        Columns.optionalString(rs, "alias"),
        rs.getBoolean("sign_in_enabled"),
        Columns.instant(rs, "created_at"),
        rs.getBoolean("default_mfa"));
  }

  @Override
  public void save(User user) {
    String id = user.id().value();
    boolean exists =
        jdbc.sql("SELECT COUNT(*) FROM users WHERE id = ?").param(id).query(Long.class).single()
            > 0;
    if (!exists) {
      jdbc.sql("INSERT INTO users (id, environment_id, created_at) VALUES (?, ?, ?)")
          .params(id, user.environmentId().value(), at(user.createdAt()))
          .update();
    }
    Set<String> kept =
        user.credentials().stream().map(c -> c.id().value()).collect(Collectors.toSet());
    List<String> stored =
        jdbc.sql("SELECT id FROM credentials WHERE user_id = ?")
            .param(id)
            .query(String.class)
            .list();
    for (String storedId : stored) {
      if (!kept.contains(storedId)) {
        jdbc.sql("DELETE FROM credentials WHERE id = ?").param(storedId).update();
      }
    }
    for (Credential c : user.credentials()) {
      if (stored.contains(c.id().value())) {
        jdbc.sql(
                "UPDATE credentials SET alias = ?, sign_in_enabled = ?, default_mfa = ?"
                    + " WHERE id = ?")
            .params(c.alias().orElse(null), c.signInEnabled(), c.defaultMfa(), c.id().value())
            .update();
      } else {
        jdbc.sql(
                "INSERT INTO credentials (id, user_id, environment_id, format, identifier, type,"
                    + " alias, sign_in_enabled, created_at, default_mfa)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                c.id().value(),
                id,
                user.environmentId().value(),
                c.format().wire(),
                c.identifier(),
                c.type().orElse(null),
                c.alias().orElse(null),
                c.signInEnabled(),
                at(c.createdAt()),
                c.defaultMfa())
            .update();
      }
    }
  }
}
