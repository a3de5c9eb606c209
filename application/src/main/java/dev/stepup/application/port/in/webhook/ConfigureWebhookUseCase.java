package dev.stepup.application.port.in.webhook;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An admin sets where an environment's step-up events are POSTed and which ones. The first time,
 * the server generates the signing secret and answers it once. Audited with the admin.
 */
public interface ConfigureWebhookUseCase {

  /**
   * @throws IllegalArgumentException when the endpoint or the event types are not acceptable;
   *     nothing changes then
   * @throws dev.stepup.application.port.in.NotFoundException when there is no such environment
   */
  Result configure(Command command);

  record Command(
      EnvironmentId environmentId,
      String endpoint,
      Set<String> eventTypes,
      String actor,
      RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(endpoint, "endpoint");
      eventTypes = Set.copyOf(eventTypes);
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /** The saved settings and, when one was just generated, the secret (shown once). */
  record Result(WebhookSettings settings, Optional<String> newSecret) {

    @Override
    public String toString() {
      return "Result[" + settings + "]";
    }
  }
}
