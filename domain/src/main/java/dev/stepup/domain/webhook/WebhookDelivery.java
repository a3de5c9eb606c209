package dev.stepup.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook delivery as the queue holds it; never its payload. {@code status} is {@code queued},
 * {@code sending}, {@code retrying} (failed, waiting for {@code nextAttempt}), {@code sent} or
 * {@code dead} (given up).
 */
public record WebhookDelivery(
    long id,
    String eventId,
    String eventType,
    String endpoint,
    String status,
    int attempts,
    Instant queuedAt,
    Optional<Instant> nextAttempt,
    Optional<Instant> finishedAt,
    Optional<String> lastError) {

  public WebhookDelivery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(queuedAt, "queuedAt");
    Objects.requireNonNull(nextAttempt, "nextAttempt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(lastError, "lastError");
  }
}
