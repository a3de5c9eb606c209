package dev.stepup.application.port.in.prompt;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.prompt.PromptStatus;
import dev.stepup.domain.prompt.PromptTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finishes an open prompt once, with the outcome the page reached, and answers how it goes back:
 * the tokens for the opener window (popup), or a one-time result code for the return address.
 */
public interface FinishPromptUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException as {@link VisitPromptUseCase#visit},
   *     and when the prompt already finished
   */
  PromptOutcome finish(Command command);

  /** How the page ended. */
  sealed interface Ending {
    /** The user verified; these tokens cover the prompt's scopes (none when none was needed). */
    record Verified(List<PromptToken> tokens) implements Ending {
      public Verified {
        tokens = List.copyOf(tokens);
      }
    }

    /** The user cancelled on the page. */
    record Cancelled() implements Ending {}

    /** The page could not succeed, for {@code reason} (a snake_case word). */
    record Failed(String reason) implements Ending {
      public Failed {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  record Command(
      EnvironmentId environmentId,
      PromptId promptId,
      String visitorSecret,
      Ending ending,
      RequestOrigin origin) {
    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(promptId, "promptId");
      Objects.requireNonNull(visitorSecret, "visitorSecret");
      Objects.requireNonNull(ending, "ending");
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
      return "FinishPromptUseCase.Command[promptId=" + promptId + "]";
    }
  }

  /**
   * The outcome to hand back: for a popup, the tokens themselves (to the one registered origin);
   * for a redirect, the result code only (the tokens wait for the host backend).
   */
  record PromptOutcome(
      PromptStatus status,
      Optional<String> failureReason,
      PromptTarget target,
      List<PromptToken> tokens,
      Optional<String> resultCode) {
    public PromptOutcome {
      tokens = List.copyOf(tokens);
    }

    @Override
    public String toString() {
      return "PromptOutcome[status=" + status + ", target=" + target + "]";
    }
  }
}
