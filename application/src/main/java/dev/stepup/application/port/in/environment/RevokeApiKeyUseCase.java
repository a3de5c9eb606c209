package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/** An admin revokes an API key of an environment. Audited with the admin. */
public interface RevokeApiKeyUseCase {

  /**
   * @return false when the key was already revoked
   * @throws dev.stepup.application.port.in.NotFoundException when the environment has no such key
   */
  boolean revokeApiKey(Command command);

  /** Which key of which environment, and which admin revokes it. */
  record Command(EnvironmentId id, String keyId, String actor, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
