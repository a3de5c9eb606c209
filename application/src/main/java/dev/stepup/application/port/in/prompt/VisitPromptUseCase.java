package dev.stepup.application.port.in.prompt;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.prompt.PromptMode;
import dev.stepup.domain.prompt.PromptStatus;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import java.util.Objects;
import java.util.Set;

/** What the hosted page may know about a prompt it works on, for the browser that opened it. */
public interface VisitPromptUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException when the prompt is unknown to this
   *     browser (no such prompt, another environment, another visitor secret), finished or expired,
   *     or its session ended
   */
  PromptVisit visit(Query query);

  /** The prompt named in the page's address, and the browser's visitor secret. */
  record Query(EnvironmentId environmentId, PromptId promptId, String visitorSecret) {
    public Query {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(promptId, "promptId");
      Objects.requireNonNull(visitorSecret, "visitorSecret");
    }

    @Override
    public String toString() {
      return "VisitPromptUseCase.Query[promptId=" + promptId + "]";
    }
  }

  /** An open prompt: its active session, scopes, mode and target. */
  record PromptVisit(
      PromptId promptId,
      Session session,
      Set<Scope> scopes,
      PromptMode mode,
      PromptTarget target,
      PromptStatus status) {}
}
