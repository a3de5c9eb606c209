package dev.stepup.application.port.in.webhook;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookDelivery;
import dev.stepup.domain.webhook.WebhookSettings;
import java.util.List;
import java.util.Optional;

/** An environment's webhook settings (never the secret) and its recent deliveries. */
public interface ReadWebhookUseCase {

  Optional<WebhookSettings> settings(EnvironmentId environmentId);

  /** Newest first, at most {@code limit} (1–200). */
  List<WebhookDelivery> deliveries(EnvironmentId environmentId, int limit);
}
