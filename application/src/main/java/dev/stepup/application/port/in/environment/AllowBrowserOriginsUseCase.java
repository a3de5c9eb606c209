package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Objects;

/**
 * An admin replaces the web origins whose pages may call the environment's end-user endpoints from
 * the browser (CORS) and receive a step-up popup's outcome. Audited with the admin.
 */
public interface AllowBrowserOriginsUseCase {

  /**
   * @throws IllegalArgumentException naming the first entry that is not an acceptable origin;
   *     nothing changes then
   */
  Environment allowBrowserOrigins(Command command);

  /** The environment, the origins it allows from now on, and which admin sets them. */
  record Command(EnvironmentId id, List<String> entries, String actor, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(id, "id");
      entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
