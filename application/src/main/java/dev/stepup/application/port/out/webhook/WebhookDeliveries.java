package dev.stepup.application.port.out.webhook;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The webhook deliveries of an environment as the queue holds them; never their payload. */
public interface WebhookDeliveries {

  /** The environment's most recent webhook deliveries, newest first. */
  List<WebhookDelivery> recent(EnvironmentId environmentId, int limit);

  /**
   * One delivery. {@code status} is {@code queued} (waiting, {@code retrying} once it failed),
   * {@code sending}, {@code sent} or {@code dead}.
   */
  record WebhookDelivery(
      long id,
      String eventId,
      String eventType,
      String endpoint,
      String status,
      int attempts,
      Instant queuedAt,
      Optional<Instant> nextAttempt,
      Optional<Instant> finishedAt,
      Optional<String> lastError) {}
}
