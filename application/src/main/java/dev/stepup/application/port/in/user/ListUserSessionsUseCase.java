package dev.stepup.application.port.in.user;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.UserId;
import java.util.List;

/** A host backend sees a user's signed-in sessions. */
public interface ListUserSessionsUseCase {

  /**
   * The user's active sessions, newest first.
   *
   * @throws dev.stepup.application.port.in.NotFoundException when the environment has no such user
   */
  List<Session> list(EnvironmentId environmentId, UserId userId);
}
