package dev.stepup.application.fakes;

import dev.stepup.application.port.out.webhook.WebhookQueue;
import dev.stepup.domain.webhook.WebhookEndpoint;
import dev.stepup.domain.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps queued webhooks so tests can read them back. */
public final class RecordingWebhookQueue implements WebhookQueue {

  /** A queued event and where it was to go. */
  public record Queued(WebhookEvent event, WebhookEndpoint endpoint) {}

  private final List<Queued> queued = new ArrayList<>();

  @Override
  public synchronized void enqueue(WebhookEvent event, WebhookEndpoint endpoint) {
    queued.add(new Queued(event, endpoint));
  }

  public synchronized List<Queued> queued() {
    return List.copyOf(queued);
  }

  /** Drops the environment's queued events (this fake never sends, so all are waiting). */
  @Override
  public synchronized int dropQueued(
      dev.stepup.domain.environment.EnvironmentId environmentId,
      String reason,
      java.time.Instant at) {
    int before = queued.size();
    queued.removeIf(q -> q.event().environmentId().equals(environmentId));
    return before - queued.size();
  }
}
