package dev.stepup.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a message whose send failed is tried again: after {@code firstDelay}, doubling each time up
 * to {@code maxDelay}, and not after {@code maxAttempts} attempts (the message is then dead).
 */
public record RetrySchedule(int maxAttempts, Duration firstDelay, Duration maxDelay) {

  public RetrySchedule {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
    }
  }

  /**
   * The next attempt after {@code attemptsMade} failed ones, or empty when the message is out of
   * attempts.
   */
  public Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay = firstDelay;
    for (int i = 1; i < attemptsMade && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return Optional.of(failedAt.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
  }
}
