package dev.stepup.application.port.out.verification;

import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.util.Optional;

/** Failed verifications per user and method; kept in the database so locks survive restarts. */
public interface FailureTallies {

  Optional<FailureTally> find(UserId userId, VerificationMethod method);

  void save(FailureTally tally);

  /**
   * Stores {@code next} only if the stored tally is still {@code expected} (absent: none stored);
   * of concurrent callers with the same expectation exactly one succeeds.
   */
  boolean compareAndSave(Optional<FailureTally> expected, FailureTally next);
}
