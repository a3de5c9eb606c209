package dev.stepup.application.port.in.version;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/**
 * An admin sets the oldest API version an environment serves; {@code 2026_04_01} retires
 * action-based MFA at once. Audited with the admin.
 */
public interface SetMinimumApiVersionUseCase {

  Environment setMinimum(Command command);

  /** The environment, its new minimum, and which admin decides. */
  record Command(EnvironmentId id, ApiVersion minimum, String actor, RequestOrigin origin) {
    public Command {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(minimum, "minimum");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
