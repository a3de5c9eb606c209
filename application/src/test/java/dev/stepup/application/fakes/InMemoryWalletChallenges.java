package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Wallet sign-in challenges in memory; marking one used is a compare-and-set like the row's. */
public final class InMemoryWalletChallenges implements WalletChallenges {
  private record Row(WalletChallenge challenge, Set<String> scopes) {}

  private final Map<String, Row> byId = new HashMap<>();

  @Override
  public synchronized void add(WalletChallenge challenge, Set<String> scopes) {
    if (byId.putIfAbsent(challenge.id(), new Row(challenge, Set.copyOf(scopes))) != null) {
      throw new IllegalStateException("duplicate challenge id " + challenge.id());
    }
  }

  @Override
  public synchronized Optional<WalletChallenge> find(String challengeId) {
    return Optional.ofNullable(byId.get(challengeId)).map(Row::challenge);
  }

  @Override
  public synchronized Set<String> scopesOf(String challengeId) {
    return Optional.ofNullable(byId.get(challengeId)).map(Row::scopes).orElse(Set.of());
  }

  @Override
  public synchronized boolean markUsed(String challengeId, Instant now) {
    Row row = byId.get(challengeId);
    if (row == null || row.challenge().usedAt().isPresent()) {
      return false;
    }
    WalletChallenge c = row.challenge();
    byId.put(
        challengeId,
        new Row(
            new WalletChallenge(
                c.id(),
                c.environmentId(),
                c.userId(),
                c.sessionId(),
                c.walletId(),
                c.address(),
                c.message(),
                c.issuedAt(),
                c.expiresAt(),
                now),
            row.scopes()));
    return true;
  }

  @Override
  public synchronized void deleteExpiredBefore(Instant cutoff) {
    byId.values().removeIf(r -> r.challenge().expiresAt().isBefore(cutoff));
  }
}
