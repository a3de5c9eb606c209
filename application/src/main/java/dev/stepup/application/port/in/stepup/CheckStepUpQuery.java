package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import java.util.Objects;

/** The scope a session's user is about to use. */
public record CheckStepUpQuery(
    EnvironmentId environmentId, SessionId sessionId, Scope scope, RequestOrigin origin) {
  public CheckStepUpQuery {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(origin, "origin");
  }
}
