package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import dev.stepup.domain.wallet.WalletChallenge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wallet challenges in the {@code wallet_challenges} table. */
public final class JdbcWalletChallenges implements WalletChallenges {

  private final JdbcClient jdbc;

  public JdbcWalletChallenges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(WalletChallenge c, Set<String> scopes) {
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
            String.join(" ", new TreeSet<>(scopes)),
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
  public Set<String> scopesOf(String challengeId) {
    return jdbc.sql("SELECT scopes FROM wallet_challenges WHERE id = ?")
        .param(challengeId)
        .query(String.class)
        .optional()
        .map(
            s ->
                Arrays.stream(s.split(" "))
                    .filter(w -> !w.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
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
        Columns.optionalInstant(rs, "used_at").orElse(null));
  }
}
