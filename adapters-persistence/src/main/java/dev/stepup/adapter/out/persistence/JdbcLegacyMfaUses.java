package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.version.LegacyMfaUse;
import dev.stepup.domain.version.LegacyUseCount;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uses of action-based MFA: one inserted row each (no shared row to contend on), counted by day.
 */
public final class JdbcLegacyMfaUses implements LegacyMfaUses {

  private final JdbcClient jdbc;

  public JdbcLegacyMfaUses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(
      EnvironmentId environmentId, LocalDate day, LegacyMfaUse use, ApiVersion version) {
    jdbc.sql(
            "INSERT INTO legacy_mfa_uses (environment_id, used_on, use_kind, api_version)"
                + " VALUES (?, ?, ?, ?)")
        .params(environmentId.value(), Date.valueOf(day), use.name(), version.wire())
        .update();
  }

  @Override
  public List<LegacyUseCount> countSince(EnvironmentId environmentId, LocalDate from) {
    return jdbc
        .sql(
            "SELECT use_kind, api_version, COUNT(*) FROM legacy_mfa_uses"
                + " WHERE environment_id = ? AND used_on >= ? GROUP BY use_kind, api_version")
        .params(environmentId.value(), Date.valueOf(from))
        .query(
            (rs, n) -> {
              LegacyMfaUse use = LegacyMfaUse.valueOf(rs.getString(1));
              long count = rs.getLong(3);
              // A version this build does not know (a newer node's) is left out, not guessed.
              return ApiVersion.fromWire(rs.getString(2))
                  .map(v -> new LegacyUseCount(use, v, count));
            })
        .list()
        .stream()
        .flatMap(Optional::stream)
        .toList();
  }
}
