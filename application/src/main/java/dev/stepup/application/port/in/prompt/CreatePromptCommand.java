package dev.stepup.application.port.in.prompt;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.prompt.PromptMode;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A prompt for a session's user to step up for {@code scopes}. A host backend names the user and
 * the session ({@code userId} present); a user's own client acts with its authenticated session.
 */
public record CreatePromptCommand(
    EnvironmentId environmentId,
    SessionId sessionId,
    Optional<UserId> userId,
    Set<Scope> scopes,
    PromptMode mode,
    PromptTarget target,
    RequestOrigin origin) {
  public CreatePromptCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(userId, "userId");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    if (scopes.isEmpty() || scopes.size() > Prompt.MAX_SCOPES) {
      throw new IllegalArgumentException("scopes: name 1 to " + Prompt.MAX_SCOPES + " scopes");
    }
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(origin, "origin");
  }
}
