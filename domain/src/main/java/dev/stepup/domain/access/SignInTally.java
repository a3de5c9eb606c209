package dev.stepup.domain.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed console sign-ins of one subject: an admin username or a client address. {@link #THRESHOLD}
 * failures within {@link #WINDOW} refuse further sign-ins of that subject for {@link #LOCK}, even
 * with the right password, so admin passwords cannot be guessed by brute force.
 *
 * @param subject what is counted, e.g. {@code user:admin} or {@code ip:203.0.113.7}
 * @param windowStartedAt the first failure of the current window
 * @param lockedUntil while in the future, sign-ins of this subject are refused
 */
public record SignInTally(
    String subject, int failures, Instant windowStartedAt, Optional<Instant> lockedUntil) {

  public static final int THRESHOLD = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK = Duration.ofMinutes(15);
  public static final int MAX_SUBJECT = 200;

  public SignInTally {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(windowStartedAt, "windowStartedAt");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("subject must be 1-" + MAX_SUBJECT + " characters");
    }
    if (failures < 0) {
      throw new IllegalArgumentException("failures cannot be negative");
    }
  }

  /** No failures yet. */
  public static SignInTally none(String subject, Instant now) {
    return new SignInTally(subject, 0, now, Optional.empty());
  }

  /** How long sign-ins stay refused, when they are refused at {@code now}. */
  public Optional<Duration> lockRemaining(Instant now) {
    return lockedUntil.filter(now::isBefore).map(until -> Duration.between(now, until));
  }

  public boolean isLocked(Instant now) {
    return lockRemaining(now).isPresent();
  }

  /**
   * How many failures within which window lock a subject, and for how long: sign-ins use {@link
   * #SIGN_IN}; other public endpoints counted the same way choose their own.
   */
  public record Limits(int threshold, Duration window, Duration lock) {

    public Limits {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(lock, "lock");
      if (threshold < 1 || window.isNegative() || window.isZero() || lock.isNegative()) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /** Console and hosted sign-ins: {@link #THRESHOLD} failures in {@link #WINDOW}. */
  public static final Limits SIGN_IN = new Limits(THRESHOLD, WINDOW, LOCK);

  /** The tally after one more failure; the lock starts when the threshold is reached. */
  public SignInTally afterFailure(Instant now) {
    return afterFailure(now, SIGN_IN);
  }

  /** As {@link #afterFailure(Instant)}, with the given limits. */
  public SignInTally afterFailure(Instant now, Limits limits) {
    boolean windowOver = !now.isBefore(windowStartedAt.plus(limits.window())) && !isLocked(now);
    int count = windowOver ? 1 : failures + 1;
    Instant start = windowOver ? now : windowStartedAt;
    Optional<Instant> lock =
        count >= limits.threshold() && !isLocked(now)
            ? Optional.of(now.plus(limits.lock()))
            : lockedUntil.filter(now::isBefore);
    return new SignInTally(subject, count, start, lock);
  }

  /** Whether this tally, the one after {@code before}, is the one that started the lock. */
  public boolean justLocked(SignInTally before, Instant now) {
    return isLocked(now) && !before.isLocked(now);
  }
}
