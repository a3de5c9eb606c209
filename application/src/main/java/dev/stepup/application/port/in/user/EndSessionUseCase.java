package dev.stepup.application.port.in.user;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import java.util.Objects;

/** Signs a session out and revokes its elevated tokens. */
public interface EndSessionUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException when the environment has no such
   *     session
   */
  void end(Command command);

  /** Which session, and where the request comes from. */
  record Command(EnvironmentId environmentId, SessionId sessionId, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
