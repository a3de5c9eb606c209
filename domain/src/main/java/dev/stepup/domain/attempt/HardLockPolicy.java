package dev.stepup.domain.attempt;

import java.time.Duration;
import java.util.Objects;

/**
 * The hard cap behind the per-method locks of {@link FailureTally}: after {@code
 * maxConsecutiveFailures} failed verifications in a row, by any step-up methods, every attempt of
 * the user is refused until an administrator resets the lock or {@code coolDown} has passed. A
 * per-method lock only slows guessing down; this one stops a patient guesser for good.
 *
 * @param maxConsecutiveFailures at most {@link #MAX_CONSECUTIVE_FAILURES}; operators may set fewer
 * @param coolDown how long the hard lock lasts without an administrator
 */
public record HardLockPolicy(int maxConsecutiveFailures, Duration coolDown) {

  public static final int MAX_CONSECUTIVE_FAILURES = 100;
  public static final Duration DEFAULT_COOL_DOWN = Duration.ofHours(24);

  /** The cap every deployment gets unless it sets a lower one. */
  public static final HardLockPolicy DEFAULT =
      new HardLockPolicy(MAX_CONSECUTIVE_FAILURES, DEFAULT_COOL_DOWN);

  public HardLockPolicy {
    Objects.requireNonNull(coolDown, "coolDown");
    if (maxConsecutiveFailures < FailureTally.THRESHOLD
        || maxConsecutiveFailures > MAX_CONSECUTIVE_FAILURES) {
      throw new IllegalArgumentException(
          "the hard lock's consecutive failures must be "
              + FailureTally.THRESHOLD
              + "-"
              + MAX_CONSECUTIVE_FAILURES
              + ", not "
              + maxConsecutiveFailures);
    }
    if (coolDown.isNegative() || coolDown.isZero()) {
      throw new IllegalArgumentException("the hard lock's cool-down must be positive");
    }
  }
}
