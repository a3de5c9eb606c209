package dev.stepup.application.port.out.delivery;

import dev.stepup.domain.delivery.DeliveryBacklog;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the delivery queue holds, for health checks and the console; never a message's content. */
public interface DeliveryReports {

  /** The channel's backlog; dead letters are counted from {@code deadSince}. */
  DeliveryBacklog backlog(DeliveryChannel channel, Instant deadSince);

  /** Messages of the environment that failed at least once and are not sent, newest first. */
  List<TroubledDelivery> troubled(EnvironmentId environmentId, int limit);

  /** A message waiting for a retry ({@code dead} false) or given up on. */
  record TroubledDelivery(
      long id,
      DeliveryChannel channel,
      String recipient,
      boolean dead,
      int attempts,
      Instant queuedAt,
      Optional<Instant> nextAttempt,
      Optional<String> lastError) {}
}
