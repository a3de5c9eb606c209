package dev.stepup.application.port.in.user;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.util.Optional;

/** Everything the console shows about one user: credentials, MFA, sessions, activity. */
public interface GetUserDetailUseCase {

  /** Empty when the environment has no such user. */
  Optional<UserDetail> detail(EnvironmentId environmentId, UserId userId);
}
