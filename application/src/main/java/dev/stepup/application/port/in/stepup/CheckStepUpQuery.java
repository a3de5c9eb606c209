package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import java.util.Objects;
import java.util.Optional;

/**
 * The scope a session's user is about to use, and the elevated token the client holds for it, if
 * any ({@code X-Elevated-Access-Token}): only a presented token can make step-up "not required".
 */
public record CheckStepUpQuery(
    EnvironmentId environmentId,
    SessionId sessionId,
    Scope scope,
    RequestOrigin origin,
    Optional<String> presentedToken) {
  public CheckStepUpQuery {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(origin, "origin");
    presentedToken =
        Objects.requireNonNull(presentedToken, "presentedToken").filter(t -> !t.isBlank());
  }

  /** A check with no token presented: the policy alone answers. */
  public CheckStepUpQuery(
      EnvironmentId environmentId, SessionId sessionId, Scope scope, RequestOrigin origin) {
    this(environmentId, sessionId, scope, origin, Optional.empty());
  }

  @Override
  public String toString() {
    // Never the token itself.
    return "CheckStepUpQuery[environmentId=%s, sessionId=%s, scope=%s, presentedToken=%s]"
        .formatted(environmentId, sessionId, scope, presentedToken.isPresent());
  }
}
