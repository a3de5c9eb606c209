package dev.stepup.domain.attempt;

import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed verifications of one user in a row, across every step-up method; a success starts the
 * count over. Reaching {@link HardLockPolicy#maxConsecutiveFailures()} locks all step-up of the
 * user (see {@link HardLockPolicy}).
 *
 * @param count failures since the last success (or since the last lock ended)
 * @param lockedUntil while in the future, every attempt of the user is refused
 */
public record ConsecutiveFailures(UserId userId, int count, Optional<Instant> lockedUntil) {

  public ConsecutiveFailures {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    if (count < 0) {
      throw new IllegalArgumentException("count cannot be negative");
    }
  }

  /** No failures since the last success. */
  public static ConsecutiveFailures none(UserId userId) {
    return new ConsecutiveFailures(userId, 0, Optional.empty());
  }

  /** How long the user stays locked out, when they are at {@code now}. */
  public Optional<Duration> lockRemaining(Instant now) {
    return lockedUntil.filter(now::isBefore).map(until -> Duration.between(now, until));
  }

  public boolean isLocked(Instant now) {
    return lockRemaining(now).isPresent();
  }

  /**
   * The count after one more failure; the hard lock starts when it reaches the cap. A lock whose
   * cool-down has passed gives the user a fresh count, not an immediate new lock.
   */
  public ConsecutiveFailures afterFailure(HardLockPolicy policy, Instant now) {
    Objects.requireNonNull(policy, "policy");
    boolean lockOver = lockedUntil.isPresent() && !isLocked(now);
    int next = (lockOver ? 0 : count) + 1;
    Optional<Instant> lock =
        isLocked(now)
            ? lockedUntil
            : next >= policy.maxConsecutiveFailures()
                ? Optional.of(now.plus(policy.coolDown()))
                : Optional.empty();
    return new ConsecutiveFailures(userId, next, lock);
  }

  /** Whether this count, the one after {@code before}, is the one that started the hard lock. */
  public boolean justLocked(ConsecutiveFailures before, Instant now) {
    return isLocked(now) && !before.isLocked(now);
  }

  /**
   * Takes back a failure counted ahead of an attempt that turned out not to count, with the lock if
   * that attempt set it.
   */
  public ConsecutiveFailures withoutOneFailure(boolean attemptSetTheLock) {
    return new ConsecutiveFailures(
        userId, Math.max(0, count - 1), attemptSetTheLock ? Optional.empty() : lockedUntil);
  }
}
