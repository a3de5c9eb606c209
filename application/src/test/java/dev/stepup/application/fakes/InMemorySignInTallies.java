package dev.stepup.application.fakes;

import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.domain.access.SignInTally;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sign-in failure tallies in memory. */
public final class InMemorySignInTallies implements SignInTallies {
  private final Map<String, SignInTally> bySubject = new ConcurrentHashMap<>();

  @Override
  public Optional<SignInTally> find(String subject) {
    return Optional.ofNullable(bySubject.get(subject));
  }

  @Override
  public boolean compareAndSave(Optional<SignInTally> expected, SignInTally next) {
    if (expected.isEmpty()) {
      return bySubject.putIfAbsent(next.subject(), next) == null;
    }
    return bySubject.replace(next.subject(), expected.get(), next);
  }

  @Override
  public void clear(String subject) {
    bySubject.remove(subject);
  }
}
