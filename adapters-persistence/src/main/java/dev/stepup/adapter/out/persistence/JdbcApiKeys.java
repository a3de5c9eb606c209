package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys, stored as digests only. */
public final class JdbcApiKeys implements ApiKeys {

  private static final String COLUMNS =
      "SELECT id, environment_id, name, digest, created_at, permissions, expires_at, last_used_at,"
          + " revoked_at FROM api_keys";

  private final JdbcClient jdbc;

  public JdbcApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ApiKey> findByDigest(String digest) {
    return jdbc.sql(COLUMNS + " WHERE digest = ?")
        .param(digest)
        .query((rs, n) -> key(rs))
        .optional();
  }

  @Override
  public List<ApiKey> forEnvironment(EnvironmentId environmentId) {
    return jdbc.sql(COLUMNS + " WHERE environment_id = ? ORDER BY created_at, id")
        .param(environmentId.value())
        .query((rs, n) -> key(rs))
        .list();
  }

  @Override
  public void save(ApiKey key) {
    int updated =
        jdbc.sql("UPDATE api_keys SET name = ?, last_used_at = ?, revoked_at = ? WHERE id = ?")
            .params(key.name(), at(key.lastUsedAt()), at(key.revokedAt()), key.id())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO api_keys (id, environment_id, name, digest, created_at, permissions,"
                  + " expires_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              key.id(),
              key.environmentId().value(),
              key.name(),
              key.digest(),
              at(key.createdAt()),
              permissions(key.permissions()),
              at(key.expiresAt()),
              at(key.lastUsedAt()),
              at(key.revokedAt()))
          .update();
    }
  }

  private static ApiKey key(ResultSet rs) throws SQLException {
    return new ApiKey(
        rs.getString("id"),
        new EnvironmentId(rs.getString("environment_id")),
        rs.getString("name"),
        rs.getString("digest"),
        Columns.instant(rs, "created_at"),
        permissions(rs.getString("permissions")),
        Optional.ofNullable(Columns.instant(rs, "expires_at")),
        Columns.instant(rs, "last_used_at"),
        Columns.instant(rs, "revoked_at"));
  }

  /** Space-separated wire names, in a stable order. */
  private static String permissions(Set<ApiPermission> permissions) {
    return permissions.stream().sorted().map(ApiPermission::wire).collect(Collectors.joining(" "));
  }

  private static Set<ApiPermission> permissions(String column) {
    return Arrays.stream(column.strip().split("\\s+"))
        .map(ApiPermission::fromWire)
        .collect(Collectors.toUnmodifiableSet());
  }
}
