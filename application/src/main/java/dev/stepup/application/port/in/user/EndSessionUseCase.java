package dev.stepup.application.port.in.user;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;

/** Signs a session out and revokes its elevated tokens. */
public interface EndSessionUseCase {

  void end(EnvironmentId environmentId, SessionId sessionId, RequestOrigin origin);
}
