package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Keys made before permissions existed keep working after the upgrade: they get them all. */
class H2ApiKeyPermissionsMigrationTest {

  @TempDir Path dataDir;

  @Test
  void aKeyCreatedBeforePermissionsHoldsEveryPermissionAndNoExpiryAfterTheUpgrade() {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    Migrations.flyway(dataSource).target("12").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 10, 8, 0, 0, 0, ZoneOffset.UTC);
    jdbc.sql("INSERT INTO environments (id, name, step_up_enabled) VALUES ('demo', 'Demo', TRUE)")
        .update();
    jdbc.sql(
            "INSERT INTO api_keys (id, environment_id, name, digest, created_at) VALUES ('key_old',"
                + " 'demo', 'Old backend', 'digest-old', ?)")
        .param(t0)
        .update();

    Migrations.flyway(dataSource).load().migrate();

    ApiKey old = new JdbcApiKeys(jdbc).findByDigest("digest-old").orElseThrow();
    assertThat(old.permissions()).isEqualTo(ApiPermission.ALL);
    assertThat(old.expiresAt()).isEmpty();
    for (ApiPermission p : ApiPermission.values()) {
      assertThat(old.permits(p, Instant.parse("2036-01-01T00:00:00Z"))).as(p.wire()).isTrue();
    }
  }
}
