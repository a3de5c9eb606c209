package dev.stepup.application.port.out.webhook;

import dev.stepup.domain.webhook.WebhookEndpoint;
import dev.stepup.domain.webhook.WebhookEvent;

/**
 * Queues a webhook delivery in the caller's transaction (the delivery queue's webhook channel), so
 * the event is sent only if the change it reports commits.
 */
public interface WebhookQueue {

  void enqueue(WebhookEvent event, WebhookEndpoint endpoint);
}
