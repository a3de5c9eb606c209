package dev.stepup.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one channel's deliveries, as a platform's health check sees it.
 *
 * @param waiting messages not yet sent and not given up
 * @param oldestWaiting when the oldest of them was queued
 * @param recentDeadLetters messages given up on within the health window
 * @param lastSent when a message was last sent
 * @param lastFailure when a send last failed
 */
public record DeliveryBacklog(
    DeliveryChannel channel,
    long waiting,
    Optional<Instant> oldestWaiting,
    long recentDeadLetters,
    Optional<Instant> lastSent,
    Optional<Instant> lastFailure) {

  public DeliveryBacklog {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(oldestWaiting, "oldestWaiting");
    Objects.requireNonNull(lastSent, "lastSent");
    Objects.requireNonNull(lastFailure, "lastFailure");
  }

  /**
   * Degraded when messages were given up on lately, one has waited longer than {@code patience}, or
   * the latest send failed; a degraded channel never makes the server unavailable.
   */
  public boolean degraded(Instant now, Duration patience) {
    boolean stuck = oldestWaiting.map(t -> t.plus(patience).isBefore(now)).orElse(false);
    boolean failing =
        lastFailure.isPresent()
            && (lastSent.isEmpty() || lastFailure.get().isAfter(lastSent.get()));
    return recentDeadLetters > 0 || stuck || failing;
  }
}
