package dev.stepup.application.port.out.webhook;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookDelivery;
import java.util.List;

/** The webhook deliveries of an environment as the queue holds them; never their payload. */
public interface WebhookDeliveries {

  /** The environment's most recent webhook deliveries, newest first. */
  List<WebhookDelivery> recent(EnvironmentId environmentId, int limit);
}
