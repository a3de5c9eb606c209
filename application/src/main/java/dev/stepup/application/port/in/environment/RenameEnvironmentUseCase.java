package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/** An admin renames an environment. Audited with the admin. */
public interface RenameEnvironmentUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException for an unknown environment
   */
  Environment rename(Command command);

  /** Which environment, its new name, and which admin renames it. */
  record Command(EnvironmentId id, String name, String actor, RequestOrigin origin) {

    /**
     * @throws IllegalArgumentException naming the field, for a bad name
     */
    public Command {
      Objects.requireNonNull(id, "id");
      name = EnvironmentName.checked(name);
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
