package dev.stepup.application.port.out.webhook;

import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.domain.webhook.WebhookEndpoint;
import java.time.Instant;

/**
 * Signs one webhook body with the environment's secret and POSTs it to the host, bounded in time,
 * never following a redirect and refusing addresses a server must not reach.
 */
public interface WebhookPoster {

  /**
   * @param secret the signing secret as the admin was shown it
   * @param at the signature's timestamp
   * @throws DeliveryFailure unless the host answered 2xx: {@code RETRY} for an answer or a timeout,
   *     {@code PERMANENT} for an address that is refused
   */
  void post(WebhookEndpoint endpoint, String secret, String eventId, String body, Instant at);
}
