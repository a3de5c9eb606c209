package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.domain.attempt.ConsecutiveFailures;
import dev.stepup.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Consecutive-failure counts in memory. */
public final class InMemoryStepUpLockouts implements StepUpLockouts {
  private final Map<UserId, ConsecutiveFailures> byUser = new ConcurrentHashMap<>();

  @Override
  public Optional<ConsecutiveFailures> find(UserId userId) {
    return Optional.ofNullable(byUser.get(userId));
  }

  @Override
  public boolean compareAndSave(Optional<ConsecutiveFailures> expected, ConsecutiveFailures next) {
    if (expected.isEmpty()) {
      return byUser.putIfAbsent(next.userId(), next) == null;
    }
    return byUser.replace(next.userId(), expected.get(), next);
  }

  @Override
  public void clear(UserId userId) {
    byUser.remove(userId);
  }
}
