package dev.stepup.application.port.out.webhook;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookEndpoint;
import dev.stepup.domain.webhook.WebhookEvent;
import java.time.Instant;

/**
 * Queues a webhook delivery in the caller's transaction (the delivery queue's webhook channel), so
 * the event is sent only if the change it reports commits.
 */
public interface WebhookQueue {

  void enqueue(WebhookEvent event, WebhookEndpoint endpoint);

  /**
   * Gives up the environment's webhook deliveries still waiting (queued or waiting to be retried)
   * in the caller's transaction: dead, their payload erased, {@code reason} as the last error.
   *
   * @return how many were given up
   */
  int dropQueued(EnvironmentId environmentId, String reason, Instant at);
}
