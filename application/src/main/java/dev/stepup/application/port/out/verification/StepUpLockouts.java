package dev.stepup.application.port.out.verification;

import dev.stepup.domain.attempt.ConsecutiveFailures;
import dev.stepup.domain.user.UserId;
import java.util.Optional;

/**
 * Consecutive failed verifications per user across all methods, behind the hard lock; kept in the
 * database so the lock holds across restarts and nodes.
 */
public interface StepUpLockouts {

  Optional<ConsecutiveFailures> find(UserId userId);

  /**
   * Stores {@code next} only if the stored count is still {@code expected} (absent: none stored);
   * of concurrent callers with the same expectation exactly one succeeds.
   */
  boolean compareAndSave(Optional<ConsecutiveFailures> expected, ConsecutiveFailures next);

  /** Forgets the user's count and lock (a success, or an administrator's reset). */
  void clear(UserId userId);
}
