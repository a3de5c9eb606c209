package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.externalauth.BackendClients;
import dev.stepup.application.port.out.externalauth.SpentAssertions;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.BackendClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backend clients ({@code backend_clients}) and the assertions they spent ({@code
 * spent_assertions}), whose primary key refuses a replayed {@code jti} on every node.
 */
public final class JdbcBackendClients implements BackendClients, SpentAssertions {

  private final JdbcClient jdbc;

  public JdbcBackendClients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<BackendClient> find(EnvironmentId environmentId, String clientId) {
    return jdbc.sql("SELECT * FROM backend_clients WHERE environment_id = ? AND client_id = ?")
        .params(environmentId.value(), clientId)
        .query((rs, n) -> client(rs))
        .optional();
  }

  @Override
  public List<BackendClient> list(EnvironmentId environmentId) {
    return jdbc.sql("SELECT * FROM backend_clients WHERE environment_id = ? ORDER BY client_id")
        .param(environmentId.value())
        .query((rs, n) -> client(rs))
        .list();
  }

  @Override
  public void save(BackendClient c) {
    int updated =
        jdbc.sql(
                "UPDATE backend_clients SET public_keys = ?, registered_at = ?"
                    + " WHERE environment_id = ? AND client_id = ?")
            .params(c.publicKeys(), at(c.registeredAt()), c.environmentId().value(), c.clientId())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO backend_clients (environment_id, client_id, public_keys,"
                  + " registered_at) VALUES (?, ?, ?, ?)")
          .params(c.environmentId().value(), c.clientId(), c.publicKeys(), at(c.registeredAt()))
          .update();
    }
  }

  @Override
  public void remove(EnvironmentId environmentId, String clientId) {
    jdbc.sql("DELETE FROM backend_clients WHERE environment_id = ? AND client_id = ?")
        .params(environmentId.value(), clientId)
        .update();
  }

  @Override
  public boolean spend(
      EnvironmentId environmentId, String clientId, String jti, Instant expiresAt, Instant now) {
    jdbc.sql("DELETE FROM spent_assertions WHERE expires_at < ?").param(at(now)).update();
    try {
      jdbc.sql(
              "INSERT INTO spent_assertions (environment_id, client_id, jti, expires_at)"
                  + " VALUES (?, ?, ?, ?)")
          .params(environmentId.value(), clientId, jti, at(expiresAt))
          .update();
      return true;
    } catch (DuplicateKeyException replayed) {
      return false;
    }
  }

  private static BackendClient client(ResultSet rs) throws SQLException {
    return new BackendClient(
        new EnvironmentId(rs.getString("environment_id")),
        rs.getString("client_id"),
        rs.getString("public_keys"),
        Columns.instant(rs, "registered_at"));
  }
}
