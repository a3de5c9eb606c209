package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's answer arriving at a callback.
 *
 * @param session the browser session the callback runs in, when it has one (a hosted page); the
 *     login must then be that session's
 */
public record FinishSocialLoginCommand(
    EnvironmentId environmentId,
    String provider,
    FinishSocialLoginUseCase.ProviderAnswer answer,
    String callbackUri,
    RequestOrigin origin,
    Optional<SessionId> session) {
  public FinishSocialLoginCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(callbackUri, "callbackUri");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(session, "session");
  }
}
