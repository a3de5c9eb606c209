package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.TokenState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V32: spends written into a token's row before it (whole, per scope, used up or not) read the same
 * after it, from {@code token_spends}, and each stays spent exactly once.
 */
class H2TokenSpendsMigrationTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant NOW = T0.plusSeconds(60);
  private static final EnvironmentId DEMO = new EnvironmentId("demo");

  @TempDir Path dataDir;
  private JdbcClient jdbc;
  private JdbcElevatedTokens tokens;

  @BeforeEach
  void migrateRowsWrittenBeforeV32() {
    DataSource dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    Migrations.flyway(dataSource).target("31").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    // id, scopes, single_use, single_use_scopes, spent_scopes, spent_count, consumed_at
    row("tok_whole_spent", "wallet:export wallet:sign", true, null, null, 0, T0.plusSeconds(1));
    row("tok_whole_unspent", "wallet:export wallet:sign", true, null, null, 0, null);
    row("tok_multi", "wallet:sign", false, null, null, 0, null);
    row(
        "tok_half",
        "wallet:export wallet:sign",
        true,
        "*",
        " wallet:export@" + T0.plusSeconds(2).toEpochMilli(),
        1,
        null);
    row(
        "tok_used_up",
        "wallet:export wallet:sign",
        true,
        "*",
        " wallet:sign@"
            + T0.plusSeconds(3).toEpochMilli()
            + " wallet:export@"
            + T0.plusSeconds(4).toEpochMilli(),
        2,
        T0.plusSeconds(4));
    row(
        "tok_mixed",
        "wallet:export wallet:sign",
        false,
        "wallet:export",
        " wallet:export@" + T0.plusSeconds(5).toEpochMilli(),
        1,
        null);
    Migrations.flyway(dataSource).load().migrate();
    tokens = new JdbcElevatedTokens(jdbc);
  }

  @Test
  void spendsReadAsTheyWereWrittenAndStateFollowsThem() {
    assertThat(token("tok_whole_spent").state(NOW)).isEqualTo(TokenState.CONSUMED);
    assertThat(token("tok_whole_spent").consumedAt()).contains(T0.plusSeconds(1));
    assertThat(token("tok_whole_unspent").state(NOW)).isEqualTo(TokenState.ACTIVE);
    assertThat(token("tok_whole_unspent").uses().together()).isTrue();
    assertThat(token("tok_multi").uses().singleUse()).isEmpty();

    ElevatedToken half = token("tok_half");
    assertThat(half.uses().spent()).isEqualTo(Map.of(Scope.WALLET_EXPORT, T0.plusSeconds(2)));
    assertThat(half.state(NOW)).isEqualTo(TokenState.ACTIVE);
    assertThat(half.state(Scope.WALLET_EXPORT, NOW)).isEqualTo(TokenState.CONSUMED);

    ElevatedToken usedUp = token("tok_used_up");
    assertThat(usedUp.state(NOW)).isEqualTo(TokenState.CONSUMED);
    assertThat(usedUp.consumedAt()).contains(T0.plusSeconds(4));

    ElevatedToken mixed = token("tok_mixed");
    assertThat(mixed.uses().singleUse()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(mixed.state(Scope.WALLET_EXPORT, NOW)).isEqualTo(TokenState.CONSUMED);
    assertThat(mixed.state(Scope.WALLET_SIGN, NOW)).isEqualTo(TokenState.ACTIVE);

    assertThat(ids(TokenState.CONSUMED))
        .containsExactlyInAnyOrder("tok_whole_spent", "tok_used_up");
    assertThat(ids(TokenState.ACTIVE))
        .containsExactlyInAnyOrder("tok_whole_unspent", "tok_multi", "tok_half", "tok_mixed");
  }

  @Test
  void whatWasSpentBeforeCannotBeSpentAgainAndWhatWasLeftCanOnce() {
    assertThat(tokens.markSpent(token("tok_whole_spent"), Scope.WALLET_SIGN, NOW)).isFalse();
    assertThat(tokens.markSpent(token("tok_half"), Scope.WALLET_EXPORT, NOW)).isFalse();
    assertThat(tokens.markSpent(token("tok_mixed"), Scope.WALLET_EXPORT, NOW)).isFalse();

    ElevatedToken half = token("tok_half");
    assertThat(tokens.markSpent(half, Scope.WALLET_SIGN, NOW)).isTrue();
    assertThat(tokens.markSpent(half, Scope.WALLET_SIGN, NOW)).isFalse();
    assertThat(token("tok_half").state(NOW)).isEqualTo(TokenState.CONSUMED);

    ElevatedToken whole = token("tok_whole_unspent");
    assertThat(tokens.markSpent(whole, Scope.WALLET_EXPORT, NOW)).isTrue();
    assertThat(tokens.markSpent(whole, Scope.WALLET_SIGN, NOW)).isFalse();
    assertThat(token("tok_whole_unspent").state(NOW)).isEqualTo(TokenState.CONSUMED);
  }

  @Test
  void theOldColumnsAreGoneSoAnOlderNodeCannotSpendBesideThisOne() {
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME ="
                        + " 'ELEVATED_TOKENS' AND COLUMN_NAME IN ('CONSUMED_AT', 'SPENT_SCOPES',"
                        + " 'SPENT_COUNT')")
                .query(Long.class)
                .single())
        .isZero();
  }

  private ElevatedToken token(String id) {
    return tokens.find(new ElevatedTokenId(id)).orElseThrow();
  }

  private List<String> ids(TokenState state) {
    return tokens
        .search(
            new TokenSearch(
                DEMO, Optional.of(state), Optional.empty(), Optional.empty(), NOW, 0, 50))
        .stream()
        .map(t -> t.id().value())
        .toList();
  }

  private void row(
      String id,
      String scopes,
      boolean singleUse,
      String singleUseScopes,
      String spentScopes,
      int spentCount,
      Instant consumedAt) {
    jdbc.sql(
            "INSERT INTO elevated_tokens (id, environment_id, user_id, session_id, scopes, method,"
                + " single_use, issued_at, expires_at, consumed_at, revoked_at, single_use_scopes,"
                + " spent_scopes, spent_count)"
                + " VALUES (?, 'demo', 'usr_a', NULL, ?, 'totp', ?, ?, ?, ?, NULL, ?, ?, ?)")
        .params(
            id,
            scopes,
            singleUse,
            Columns.at(T0),
            Columns.at(T0.plusSeconds(300)),
            Columns.at(consumedAt),
            singleUseScopes,
            spentScopes,
            spentCount)
        .update();
  }
}
