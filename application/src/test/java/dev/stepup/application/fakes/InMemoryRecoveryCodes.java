package dev.stepup.application.fakes;

import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Recovery code digests in memory; each spendable once. */
public final class InMemoryRecoveryCodes implements RecoveryCodeStore {
  private final Map<UserId, Map<String, Instant>> byUser = new HashMap<>();

  @Override
  public synchronized void replace(UserId userId, List<String> digests, Instant at) {
    Map<String, Instant> codes = new HashMap<>();
    digests.forEach(d -> codes.put(d, null));
    byUser.put(userId, codes);
  }

  @Override
  public synchronized boolean spend(UserId userId, String digest, Instant at) {
    Map<String, Instant> codes = byUser.get(userId);
    if (codes == null || !codes.containsKey(digest) || codes.get(digest) != null) {
      return false;
    }
    codes.put(digest, at);
    return true;
  }

  @Override
  public synchronized boolean isSpent(UserId userId, String digest) {
    return byUser.getOrDefault(userId, Map.of()).get(digest) != null;
  }

  @Override
  public synchronized int unusedCount(UserId userId) {
    return (int)
        byUser.getOrDefault(userId, Map.of()).values().stream().filter(v -> v == null).count();
  }

  @Override
  public synchronized boolean hasAny(UserId userId) {
    return !byUser.getOrDefault(userId, Map.of()).isEmpty();
  }
}
