package dev.stepup.domain.webhook;

import dev.stepup.domain.environment.EnvironmentId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An environment's webhook: where events are POSTed and which types it wants. The signing secret is
 * kept apart (sealed) and never part of this value.
 */
public record WebhookSettings(
    EnvironmentId environmentId, WebhookEndpoint endpoint, Set<WebhookEventType> events) {

  public WebhookSettings {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("choose at least one event type");
    }
    events = Set.copyOf(EnumSet.copyOf(events));
  }

  public boolean wants(WebhookEventType type) {
    return events.contains(type);
  }
}
