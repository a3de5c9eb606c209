package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Failure tallies in memory. */
public final class InMemoryFailureTallies implements FailureTallies {
  private final Map<String, FailureTally> byKey = new ConcurrentHashMap<>();

  @Override
  public Optional<FailureTally> find(UserId userId, VerificationMethod method) {
    return Optional.ofNullable(byKey.get(userId.value() + "/" + method.wire()));
  }

  @Override
  public void save(FailureTally tally) {
    byKey.put(tally.userId().value() + "/" + tally.method().wire(), tally);
  }

  @Override
  public boolean compareAndSave(Optional<FailureTally> expected, FailureTally next) {
    String key = next.userId().value() + "/" + next.method().wire();
    if (expected.isEmpty()) {
      return byKey.putIfAbsent(key, next) == null;
    }
    return byKey.replace(key, expected.get(), next);
  }
}
