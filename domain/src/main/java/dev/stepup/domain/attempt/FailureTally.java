package dev.stepup.domain.attempt;

import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed verifications of one user with one method. {@link #THRESHOLD} failures within {@link
 * #WINDOW} lock the method for {@link #LOCK}, so codes cannot be guessed by brute force.
 *
 * @param windowStartedAt the first failure of the current window
 * @param lockedUntil while in the future, every attempt with this method is refused
 */
public record FailureTally(
    UserId userId,
    VerificationMethod method,
    int failures,
    Instant windowStartedAt,
    Optional<Instant> lockedUntil) {

  public static final int THRESHOLD = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK = Duration.ofMinutes(15);

  public FailureTally {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(windowStartedAt, "windowStartedAt");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    if (failures < 0) {
      throw new IllegalArgumentException("failures cannot be negative");
    }
  }

  /** No failures yet. */
  public static FailureTally none(UserId userId, VerificationMethod method, Instant now) {
    return new FailureTally(userId, method, 0, now, Optional.empty());
  }

  /** How long the method stays locked, when it is locked at {@code now}. */
  public Optional<Duration> lockRemaining(Instant now) {
    return lockedUntil.filter(now::isBefore).map(until -> Duration.between(now, until));
  }

  public boolean isLocked(Instant now) {
    return lockRemaining(now).isPresent();
  }

  /** The tally after one more failure; the lock starts when the threshold is reached. */
  public FailureTally afterFailure(Instant now) {
    boolean windowOver = !now.isBefore(windowStartedAt.plus(WINDOW)) && !isLocked(now);
    int count = windowOver ? 1 : failures + 1;
    Instant start = windowOver ? now : windowStartedAt;
    Optional<Instant> lock =
        count >= THRESHOLD && !isLocked(now) ? Optional.of(now.plus(LOCK)) : lockedUntil;
    return new FailureTally(userId, method, count, start, lock);
  }

  /** Whether this failure is the one that locked the method. */
  public boolean justLocked(FailureTally before, Instant now) {
    return isLocked(now) && !before.isLocked(now);
  }

  /**
   * Takes back one failure counted ahead of an attempt that turned out not to count (an expired
   * code, say), with the lock if that attempt was the one that set it.
   */
  public FailureTally withoutOneFailure(boolean attemptSetTheLock) {
    return new FailureTally(
        userId,
        method,
        Math.max(0, failures - 1),
        windowStartedAt,
        attemptSetTheLock ? Optional.empty() : lockedUntil);
  }

  /** A success clears the tally. */
  public FailureTally afterSuccess(Instant now) {
    return none(userId, method, now);
  }
}
