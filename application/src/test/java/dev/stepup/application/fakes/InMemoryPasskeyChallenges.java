package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.PasskeyChallenges;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pending WebAuthn ceremonies in memory; taking one removes it, so only one taker gets it. */
public final class InMemoryPasskeyChallenges implements PasskeyChallenges {
  private final Map<String, Pending> byId = new ConcurrentHashMap<>();

  @Override
  public void add(Pending pending) {
    if (byId.putIfAbsent(pending.id(), pending) != null) {
      throw new IllegalStateException("duplicate ceremony id " + pending.id());
    }
  }

  @Override
  public Optional<Pending> take(String id) {
    return Optional.ofNullable(byId.remove(id));
  }

  @Override
  public void deleteExpiredBefore(Instant cutoff) {
    byId.values().removeIf(p -> p.expiresAt().isBefore(cutoff));
  }
}
