package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.scope.Scope;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V23: rules made before monitor mode keep their meaning, and during a rolling upgrade a node of
 * the previous version, which reads and writes only is_protected, enforces a monitored scope.
 */
class H2ScopeEnforcementMigrationTest {

  private static final EnvironmentId DEMO = new EnvironmentId("demo");

  @TempDir Path dataDir;

  @Test
  void protectedRulesBecomeEnforcedAndUnprotectedOnesOff() {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    Migrations.flyway(dataSource).target("22").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("INSERT INTO environments (id, name, step_up_enabled) VALUES ('demo', 'Demo', TRUE)")
        .update();
    jdbc.sql(
            "INSERT INTO protected_actions (environment_id, scope, is_protected, token_use)"
                + " VALUES ('demo', 'wallet:export', TRUE, 'SINGLE'),"
                + " ('demo', 'wallet:refresh', FALSE, 'MULTI')")
        .update();

    Migrations.flyway(dataSource).load().migrate();

    StepUpSettings settings = new JdbcEnvironments(jdbc).find(DEMO).orElseThrow().settings();
    assertThat(settings.action(Scope.WALLET_EXPORT).enforcement()).isEqualTo(Enforcement.ENFORCE);
    assertThat(settings.action(Scope.WALLET_REFRESH).enforcement()).isEqualTo(Enforcement.OFF);
  }

  @Test
  void aMonitoredScopeReadsAsProtectedToAnOldNodeAndAnOldNodesRowKeepsItsMeaning() {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    Migrations.flyway(dataSource).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    JdbcEnvironments environments = new JdbcEnvironments(jdbc);
    Environment demo = Environment.create(DEMO, "Demo");
    StepUpSettings defaults = demo.settings();
    demo.reconfigure(
        defaults
            .withAction(defaults.action(Scope.WALLET_EXPORT).withEnforcement(Enforcement.MONITOR))
            .withAction(defaults.action(Scope.WALLET_SIGN).withEnforcement(Enforcement.OFF)));
    environments.save(demo);

    // What the previous version reads: monitored counts as protected (it fails closed).
    assertThat(isProtected(jdbc, "wallet:export")).isTrue();
    assertThat(isProtected(jdbc, "wallet:sign")).isFalse();
    assertThat(isProtected(jdbc, "wallet:refresh")).isTrue();

    // A row the previous version writes names no enforcement: it is read from is_protected.
    jdbc.sql("DELETE FROM protected_actions WHERE scope IN ('wallet:export', 'wallet:sign')")
        .update();
    jdbc.sql(
            "INSERT INTO protected_actions (environment_id, scope, is_protected, token_use)"
                + " VALUES ('demo', 'wallet:export', TRUE, 'SINGLE'),"
                + " ('demo', 'wallet:sign', FALSE, 'MULTI')")
        .update();
    StepUpSettings read = environments.find(DEMO).orElseThrow().settings();
    assertThat(read.action(Scope.WALLET_EXPORT).enforcement()).isEqualTo(Enforcement.ENFORCE);
    assertThat(read.action(Scope.WALLET_SIGN).enforcement()).isEqualTo(Enforcement.OFF);
  }

  private static boolean isProtected(JdbcClient jdbc, String scope) {
    return jdbc.sql("SELECT is_protected FROM protected_actions WHERE scope = ?")
        .param(scope)
        .query(Boolean.class)
        .single();
  }
}
