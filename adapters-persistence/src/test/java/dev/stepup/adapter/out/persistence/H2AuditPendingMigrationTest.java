package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase.ChainReport;
import dev.stepup.application.service.audit.SealAuditTrailService;
import dev.stepup.application.service.audit.VerifyAuditChainService;
import dev.stepup.domain.environment.EnvironmentId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Records written before audit records waited in their own table keep their place: sealed ones stay
 * where they are, unsealed ones wait to be sealed, and new ids continue after the last one.
 */
class H2AuditPendingMigrationTest {

  @TempDir Path dataDir;

  @Test
  void unsealedRecordsWaitAndAreSealedWithIdsAfterTheLastOne() {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    Migrations.flyway(dataSource).target("29").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    for (String env : new String[] {"old", "old", "demo"}) {
      jdbc.sql(
              "INSERT INTO audit_events (at, environment_id, type, outcome, scopes, reason,"
                  + " client_ip, user_agent) VALUES (TIMESTAMP WITH TIME ZONE"
                  + " '2026-11-30 10:00:00+00', ?, 'verification', 'success', '', ?, '203.0.113.9',"
                  + " 'curl/8')")
          .params(env, "written in " + env)
          .update();
    }
    jdbc.sql(
            "UPDATE audit_events SET chain_seq = id, chain_prev = 'p', chain_hash = 'h'"
                + " WHERE environment_id = 'old'")
        .update();

    Migrations.flyway(dataSource).load().migrate();

    assertThat(jdbc.sql("SELECT reason FROM audit_pending").query(String.class).list())
        .containsExactly("written in demo");
    assertThat(jdbc.sql("SELECT id FROM audit_events ORDER BY id").query(Long.class).list())
        .containsExactly(1L, 2L);

    JdbcAuditSeals seals = new JdbcAuditSeals(dataSource);
    new SealAuditTrailService(
            seals,
            new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource)),
            new JdbcJobLeases(jdbc),
            50,
            Duration.ofMinutes(1),
            "node-a",
            Clock.systemUTC())
        .sealPending();

    assertThat(
            jdbc.sql("SELECT id FROM audit_events WHERE environment_id = 'demo'")
                .query(Long.class)
                .single())
        .isEqualTo(3L);
    ChainReport demo =
        new VerifyAuditChainService(seals).verify(Optional.of(new EnvironmentId("demo")));
    assertThat(demo.verdict().intact()).isTrue();
    assertThat(demo.verdict().checked()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_trail").query(Long.class).single())
        .isEqualTo(3L);
  }
}
