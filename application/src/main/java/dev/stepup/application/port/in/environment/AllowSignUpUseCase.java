package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/**
 * An admin lets people without an account sign up on the hosted pages by proving an email address,
 * or stops it. Audited with the admin.
 */
public interface AllowSignUpUseCase {

  Environment allowSignUp(Command command);

  /** The environment, whether sign-up is allowed, and which admin decides. */
  record Command(EnvironmentId id, boolean allowed, String actor, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
