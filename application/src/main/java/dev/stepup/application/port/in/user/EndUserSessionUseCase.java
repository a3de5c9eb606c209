package dev.stepup.application.port.in.user;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.util.Objects;

/**
 * A host backend ends one of a user's sessions (e.g. "sign out that device") and revokes its
 * elevated tokens; ending an ended session again changes nothing.
 */
public interface EndUserSessionUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException when the session is not this user's in
   *     this environment
   */
  void end(Command command);

  /** Whose session, which one, and where the request comes from. */
  record Command(
      EnvironmentId environmentId, UserId userId, SessionId sessionId, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
