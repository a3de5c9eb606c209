package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Wallet sign-in challenges in memory; marking one used is a compare-and-set like the row's. */
public final class InMemoryWalletChallenges implements WalletChallenges {
  private final Map<String, WalletChallenge> byId = new HashMap<>();

  @Override
  public synchronized void add(WalletChallenge challenge) {
    if (byId.putIfAbsent(challenge.id(), challenge) != null) {
      throw new IllegalStateException("duplicate challenge id " + challenge.id());
    }
  }

  @Override
  public synchronized Optional<WalletChallenge> find(String challengeId) {
    return Optional.ofNullable(byId.get(challengeId));
  }

  @Override
  public synchronized boolean markUsed(String challengeId, Instant now) {
    WalletChallenge c = byId.get(challengeId);
    if (c == null || c.usedAt().isPresent()) {
      return false;
    }
    byId.put(
        challengeId,
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
            now,
            c.purpose()));
    return true;
  }

  @Override
  public synchronized void deleteExpiredBefore(Instant cutoff) {
    byId.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
  }
}
