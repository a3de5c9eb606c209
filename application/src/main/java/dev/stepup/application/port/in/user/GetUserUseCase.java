package dev.stepup.application.port.in.user;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;

/** Reads one user of an environment. */
public interface GetUserUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException when the environment has no such user
   */
  User get(EnvironmentId environmentId, UserId userId);
}
