package dev.stepup.application.port.in.user;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.util.List;

/** A host backend sees a user's signed-in sessions and ends one (e.g. "sign out that device"). */
public interface ManageUserSessionsUseCase {

  /**
   * The user's active sessions, newest first.
   *
   * @throws dev.stepup.application.port.in.NotFoundException when the environment has no such user
   */
  List<Session> list(EnvironmentId environmentId, UserId userId);

  /**
   * Ends one of the user's sessions and revokes its elevated tokens; ending an ended session again
   * changes nothing.
   *
   * @throws dev.stepup.application.port.in.NotFoundException when the session is not this user's in
   *     this environment
   */
  void end(EnvironmentId environmentId, UserId userId, SessionId sessionId, RequestOrigin origin);
}
