package dev.stepup.application.port.in.prompt;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Spends a launch ticket: the browser that presents it gets a visitor secret that lets it work on
 * that prompt, as that prompt's session, without signing in.
 */
public interface OpenPromptUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException for a ticket that is unknown (or of
   *     another environment), expired or used, a prompt that finished or expired, or a session that
   *     ended
   */
  OpenedPrompt open(Command command);

  /** The ticket from the launch URL. */
  record Command(EnvironmentId environmentId, String launchTicket, RequestOrigin origin) {
    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(launchTicket, "launchTicket");
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
      return "OpenPromptUseCase.Command[environmentId=" + environmentId + "]";
    }
  }

  /** The opened prompt and the browser's secret for it (kept in a cookie, never in a page). */
  record OpenedPrompt(
      PromptId promptId, String visitorSecret, Set<Scope> scopes, Instant expiresAt) {
    @Override
    public String toString() {
      return "OpenedPrompt[promptId=" + promptId + "]";
    }
  }
}
