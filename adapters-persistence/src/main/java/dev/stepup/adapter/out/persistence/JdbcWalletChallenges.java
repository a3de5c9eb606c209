package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import dev.stepup.domain.wallet.WalletChallenge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wallet challenges in the {@code wallet_challenges} table. The purpose lives in the {@code scopes}
 * column: a step-up's scopes in wire form, or {@value #LINK} for a link challenge (no scope is
 * spelt so).
 */
public final class JdbcWalletChallenges implements WalletChallenges {

  private static final String LINK = "link";

  private final JdbcClient jdbc;

  public JdbcWalletChallenges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(WalletChallenge c) {
    jdbc.sql(
            "INSERT INTO wallet_challenges (id, environment_id, user_id, session_id, wallet_id,"
                + " address, message, scopes, issued_at, expires_at, used_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.id(),
            c.environmentId().value(),
            c.userId().value(),
            c.sessionId().value(),
            c.walletId().value(),
            c.address(),
            c.message(),
            purposeColumn(c.purpose()),
            at(c.issuedAt()),
            at(c.expiresAt()),
            at(c.usedAt()))
        .update();
  }

  @Override
  public Optional<WalletChallenge> find(String challengeId) {
    return jdbc.sql("SELECT * FROM wallet_challenges WHERE id = ?")
        .param(challengeId)
        .query((rs, n) -> challenge(rs))
        .optional();
  }

  @Override
  public boolean markUsed(String challengeId, Instant now) {
    return jdbc.sql("UPDATE wallet_challenges SET used_at = ? WHERE id = ? AND used_at IS NULL")
            .params(at(now), challengeId)
            .update()
        == 1;
  }

  @Override
  public void deleteExpiredBefore(Instant cutoff) {
    jdbc.sql("DELETE FROM wallet_challenges WHERE expires_at < ?").param(at(cutoff)).update();
  }

  private static WalletChallenge challenge(ResultSet rs) throws SQLException {
    return new WalletChallenge(
        rs.getString("id"),
        new EnvironmentId(rs.getString("environment_id")),
        new UserId(rs.getString("user_id")),
        new SessionId(rs.getString("session_id")),
        new CredentialId(rs.getString("wallet_id")),
        rs.getString("address"),
        rs.getString("message"),
        Columns.instant(rs, "issued_at"),
        Columns.instant(rs, "expires_at"),
        Columns.optionalInstant(rs, "used_at").orElse(null),
        purpose(rs.getString("scopes")));
  }

  private static String purposeColumn(WalletChallenge.Purpose purpose) {
    if (purpose instanceof WalletChallenge.Purpose.StepUp stepUp) {
      return stepUp.scopes().stream().map(Scope::wire).sorted().collect(Collectors.joining(" "));
    }
    return LINK;
  }

  private static WalletChallenge.Purpose purpose(String column) {
    Set<String> words =
        Arrays.stream(column == null ? new String[0] : column.split(" "))
            .filter(w -> !w.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    if (words.contains(LINK)) {
      return new WalletChallenge.Purpose.Link();
    }
    return new WalletChallenge.Purpose.StepUp(
        words.stream().map(Scope::parse).collect(Collectors.toUnmodifiableSet()));
  }
}
