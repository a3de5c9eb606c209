package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import java.time.Duration;
import java.util.Objects;

/**
 * An environment's own protected actions ("host scopes", e.g. {@code payments:send}), added and
 * removed by its admins next to the built-in ones. A rule the domain refuses (a malformed or taken
 * name, words with markup, a lifetime outside 1 to 15 minutes) throws {@code InvalidScopeException}
 * with a message for the admin; nothing is changed then.
 */
public interface ManageHostScopesUseCase {

  /** The settings with the new scope. */
  StepUpSettings add(Add command);

  /**
   * The settings without the scope: no token is issued for it from now on and a request naming it
   * is refused as an unknown scope; tokens already issued for it expire on their own.
   */
  StepUpSettings remove(Remove command);

  record Add(
      EnvironmentId environmentId,
      String name,
      String description,
      Enforcement enforcement,
      TokenUse tokenUse,
      Duration lifetime,
      String actor,
      RequestOrigin origin) {
    public Add {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(enforcement, "enforcement");
      Objects.requireNonNull(tokenUse, "tokenUse");
      Objects.requireNonNull(lifetime, "lifetime");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }

  record Remove(EnvironmentId environmentId, String name, String actor, RequestOrigin origin) {
    public Remove {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
