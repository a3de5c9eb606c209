package dev.stepup.application.service.verification;

import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.domain.attempt.ConsecutiveFailures;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.attempt.HardLockPolicy;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The compare-and-set loops behind {@link AttemptLimiter}: a failure counted per user and method
 * and in a row across methods, or taken back, without losing a concurrent count.
 */
final class FailureCounts {

  private static final int MAX_RACES = 20;

  private final FailureTallies tallies;
  private final Optional<StepUpLockouts> lockouts;
  private final HardLockPolicy hardLock;
  private final Clock clock;

  FailureCounts(
      FailureTallies tallies,
      Optional<StepUpLockouts> lockouts,
      HardLockPolicy hardLock,
      Clock clock) {
    this.tallies = tallies;
    this.lockouts = lockouts;
    this.hardLock = hardLock;
    this.clock = clock;
  }

  /** Counts a failure of the method; true when it set the lock. */
  boolean countMethodFailure(UserId userId, VerificationMethod method) {
    for (int tries = 0; tries < MAX_RACES; tries++) {
      Instant now = clock.instant();
      Optional<FailureTally> stored = tallies.find(userId, method);
      FailureTally before = stored.orElseGet(() -> FailureTally.none(userId, method, now));
      Optional<Duration> remaining = before.lockRemaining(now);
      if (remaining.isPresent()) {
        throw LockRefusals.locked(remaining.get());
      }
      FailureTally after = before.afterFailure(now);
      if (tallies.compareAndSave(stored, after)) {
        return after.justLocked(before, now);
      }
    }
    // Under this much contention, refuse rather than let an attempt go uncounted.
    throw LockRefusals.locked(Duration.ofSeconds(1));
  }

  /** Counts a failure in a row; true when it set the hard lock. */
  boolean countConsecutiveFailure(UserId userId) {
    if (lockouts.isEmpty()) {
      return false;
    }
    for (int tries = 0; tries < MAX_RACES; tries++) {
      Instant now = clock.instant();
      Optional<ConsecutiveFailures> stored = lockouts.get().find(userId);
      ConsecutiveFailures before = stored.orElseGet(() -> ConsecutiveFailures.none(userId));
      Optional<Duration> remaining = before.lockRemaining(now);
      if (remaining.isPresent()) {
        throw LockRefusals.hardLocked(remaining.get());
      }
      ConsecutiveFailures after = before.afterFailure(hardLock, now);
      if (lockouts.get().compareAndSave(stored, after)) {
        return after.justLocked(before, now);
      }
    }
    throw LockRefusals.locked(Duration.ofSeconds(1));
  }

  /** Takes back a failure in a row ({@code setLock}: the one that set the hard lock). */
  void releaseConsecutiveFailure(UserId userId, boolean setLock) {
    if (lockouts.isEmpty()) {
      return;
    }
    for (int tries = 0; tries < MAX_RACES; tries++) {
      Optional<ConsecutiveFailures> stored = lockouts.get().find(userId);
      if (stored.isEmpty() || stored.get().count() == 0) {
        return;
      }
      if (lockouts.get().compareAndSave(stored, stored.get().withoutOneFailure(setLock))) {
        return;
      }
    }
  }

  /** Takes back a failure of the method ({@code setLock}: the one that set its lock). */
  void releaseMethodFailure(UserId userId, VerificationMethod method, boolean setLock) {
    for (int tries = 0; tries < MAX_RACES; tries++) {
      Optional<FailureTally> stored = tallies.find(userId, method);
      if (stored.isEmpty() || stored.get().failures() == 0) {
        return;
      }
      if (tallies.compareAndSave(stored, stored.get().withoutOneFailure(setLock))) {
        return;
      }
    }
  }

  /** How long the user's hard lock lasts, when they are hard-locked. */
  Optional<Duration> hardLockRemaining(UserId userId, Instant now) {
    return lockouts.flatMap(l -> l.find(userId)).flatMap(c -> c.lockRemaining(now));
  }
}
