package dev.stepup.application.port.in.user;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.util.Objects;

/**
 * The hard lock on a user's step-up (too many failures in a row across all methods): an admin sees
 * it and lifts it before its cool-down ends. Audited with the admin.
 */
public interface UnlockStepUpUseCase {

  /**
   * Lifts the hard lock and starts the consecutive count over; answers whether a lock was lifted.
   *
   * @throws dev.stepup.application.port.in.NotFoundException when the environment has no such user
   */
  boolean unlock(Command command);

  /** Whose step-up, and which admin asks. */
  record Command(EnvironmentId environmentId, UserId userId, String admin, RequestOrigin origin) {
    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(admin, "admin");
      Objects.requireNonNull(origin, "origin");
      if (admin.isBlank()) {
        throw new IllegalArgumentException("admin: name who unlocks step-up");
      }
    }
  }
}
