package dev.stepup.application.port.in.webhook;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/**
 * An admin removes an environment's webhook: its endpoint and secret go, and its deliveries still
 * waiting in the queue are given up (dead, "webhook removed"), so no event from before can reach an
 * endpoint configured later. Audited with the admin.
 */
public interface RemoveWebhookUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException when there is no such environment
   */
  Result remove(Command command);

  record Command(EnvironmentId environmentId, String actor, RequestOrigin origin) {
    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * @param removed false when the environment had no webhook (nothing changed)
   * @param dropped how many waiting deliveries were given up
   */
  record Result(boolean removed, int dropped) {}
}
