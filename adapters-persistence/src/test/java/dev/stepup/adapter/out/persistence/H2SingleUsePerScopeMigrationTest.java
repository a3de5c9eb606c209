package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.token.TokenUseOutcome;
import dev.stepup.domain.user.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V28: a token written before single use per scope keeps the rule it was issued under. One that was
 * consumed stays consumed for every scope; one that was single-use is still spent whole.
 */
class H2SingleUsePerScopeMigrationTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final EnvironmentId DEMO = new EnvironmentId("demo");

  @TempDir Path dataDir;

  @Test
  void aTokenConsumedBeforeTheMigrationIsStillRefusedForEveryScope() {
    JdbcElevatedTokens tokens = migratedWithOldRows();

    ElevatedToken spent = tokens.find(new ElevatedTokenId("tok_spent")).orElseThrow();
    Instant now = T0.plusSeconds(60);
    assertThat(spent.state(now)).isEqualTo(TokenState.CONSUMED);
    assertThat(spent.state(Scope.WALLET_SIGN, now)).isEqualTo(TokenState.CONSUMED);
    assertThat(spent.use(DEMO, new UserId("usr_a"), Scope.WALLET_SIGN, now))
        .isEqualTo(new TokenUseOutcome.Refused(TokenUseOutcome.Reason.CONSUMED));
    // Even a spend that skipped the domain's judgement finds nothing left to spend.
    assertThat(tokens.markSpent(spent, Scope.WALLET_SIGN, now)).isFalse();
  }

  @Test
  void aSingleUseTokenWrittenBeforeTheMigrationIsStillSpentWholeByOneUse() {
    JdbcElevatedTokens tokens = migratedWithOldRows();
    Instant now = T0.plusSeconds(60);

    ElevatedToken old = tokens.find(new ElevatedTokenId("tok_old")).orElseThrow();
    assertThat(old.uses().together()).isTrue();
    assertThat(old.use(DEMO, new UserId("usr_a"), Scope.WALLET_SIGN, now))
        .isEqualTo(new TokenUseOutcome.Accepted(Optional.of(Scope.WALLET_SIGN)));
    assertThat(tokens.markSpent(old, Scope.WALLET_SIGN, now)).isTrue();

    ElevatedToken after = tokens.find(new ElevatedTokenId("tok_old")).orElseThrow();
    assertThat(after.use(DEMO, new UserId("usr_a"), Scope.WALLET_EXPORT, now))
        .isEqualTo(new TokenUseOutcome.Refused(TokenUseOutcome.Reason.CONSUMED));
    assertThat(after.state(now)).isEqualTo(TokenState.CONSUMED);

    ElevatedToken multi = tokens.find(new ElevatedTokenId("tok_multi")).orElseThrow();
    assertThat(multi.uses().singleUse()).isEmpty();
    assertThat(multi.use(DEMO, new UserId("usr_a"), Scope.WALLET_SIGN, now))
        .isEqualTo(new TokenUseOutcome.Accepted(Optional.empty()));
  }

  private JdbcElevatedTokens migratedWithOldRows() {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    Migrations.flyway(dataSource).target("26").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    String insert =
        "INSERT INTO elevated_tokens (id, environment_id, user_id, session_id, scopes, method,"
            + " single_use, issued_at, expires_at, consumed_at, revoked_at)"
            + " VALUES (?, 'demo', 'usr_a', NULL, 'wallet:export wallet:sign', 'totp', ?,"
            + " ?, ?, ?, NULL)";
    jdbc.sql(insert)
        .params(
            "tok_spent",
            true,
            Columns.at(T0),
            Columns.at(T0.plusSeconds(300)),
            Columns.at(T0.plusSeconds(1)))
        .update();
    jdbc.sql(insert)
        .params("tok_old", true, Columns.at(T0), Columns.at(T0.plusSeconds(300)), null)
        .update();
    jdbc.sql(insert)
        .params("tok_multi", false, Columns.at(T0), Columns.at(T0.plusSeconds(600)), null)
        .update();

    Migrations.flyway(dataSource).load().migrate();
    return new JdbcElevatedTokens(jdbc);
  }
}
