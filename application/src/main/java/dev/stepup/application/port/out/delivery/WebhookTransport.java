package dev.stepup.application.port.out.delivery;

import dev.stepup.domain.environment.EnvironmentId;

/** Hands one webhook event to its environment's endpoint; bounded in time. */
public interface WebhookTransport {

  /**
   * @throws DeliveryFailure when the host did not confirm it (any answer but 2xx, or none)
   */
  void send(EnvironmentId environmentId, String eventId, String body);
}
