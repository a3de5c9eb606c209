package dev.stepup.application.port.in.user;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * The hard lock on a user's step-up (too many failures in a row across all methods), as an admin
 * sees it.
 */
public interface GetStepUpLockUseCase {

  /** Until when every step-up of the user is refused, if it is now. */
  Optional<Instant> lockedUntil(EnvironmentId environmentId, UserId userId);
}
