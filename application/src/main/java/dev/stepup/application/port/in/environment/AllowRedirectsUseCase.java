package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Objects;

/**
 * An admin replaces where browsers may be sent back to after social login and hosted pages: exact
 * redirect URIs or whole origins. Audited with the admin.
 */
public interface AllowRedirectsUseCase {

  /**
   * @throws IllegalArgumentException naming the first entry that is not acceptable; nothing changes
   *     then
   */
  Environment allowRedirects(Command command);

  /** The environment, the entries it allows from now on, and which admin sets them. */
  record Command(EnvironmentId id, List<String> entries, String actor, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(id, "id");
      entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
