package dev.stepup.application.port.in.delivery;

import dev.stepup.domain.delivery.DeliveryBacklog;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How delivery is going: a channel's health, and the messages that failed (masked). */
public interface ReportDeliveriesUseCase {

  /** The channel's backlog and whether it is degraded. */
  ChannelHealth health(DeliveryChannel channel);

  /** Messages that failed and are waiting for a retry or were given up on, newest first. */
  List<FailedDelivery> failed(EnvironmentId environmentId, int limit);

  record ChannelHealth(DeliveryBacklog backlog, boolean degraded) {}

  /** A failed message as an admin may see it: the recipient masked, never its content. */
  record FailedDelivery(
      String channel,
      String maskedRecipient,
      String state,
      int attempts,
      Instant queuedAt,
      Optional<Instant> nextAttempt,
      String lastError) {}
}
