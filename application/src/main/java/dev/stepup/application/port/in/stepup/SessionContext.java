package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import java.util.Objects;

/** Who is acting: an authenticated session of an environment, and where the request came from. */
public record SessionContext(
    EnvironmentId environmentId, SessionId sessionId, RequestOrigin origin) {
  public SessionContext {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(origin, "origin");
  }
}
