package dev.stepup.application.port.in.webhook;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/**
 * An admin replaces an environment's webhook signing secret; deliveries from now on, retries
 * included, are signed with the new one. The new secret is answered once. Audited.
 */
public interface RotateWebhookSecretUseCase {

  /**
   * @throws IllegalStateException when the environment has no webhook
   */
  String rotate(Command command);

  record Command(EnvironmentId environmentId, String actor, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
