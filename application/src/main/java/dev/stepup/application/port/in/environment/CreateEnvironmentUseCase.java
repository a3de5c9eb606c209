package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/** An admin creates an environment (a tenant). Audited with the admin. */
public interface CreateEnvironmentUseCase {

  /**
   * @throws IllegalArgumentException naming the field, for a taken id
   */
  Environment create(Command command);

  /** The new environment's id and name, and which admin creates it. */
  record Command(EnvironmentId id, String name, String actor, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(id, "id");
      name = EnvironmentName.checked(name);
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }

    /**
     * From what the admin typed.
     *
     * @throws IllegalArgumentException naming the field, for a malformed id or a bad name
     */
    public static Command of(String id, String name, String actor, RequestOrigin origin) {
      EnvironmentId environmentId;
      try {
        environmentId = new EnvironmentId(id == null ? "" : id.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "id: use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
      }
      return new Command(environmentId, name, actor, origin);
    }
  }
}
