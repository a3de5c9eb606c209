package dev.stepup.application.port.in.prompt;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.prompt.PromptStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A host backend exchanges a redirect prompt's result code for its outcome, exactly once. */
public interface ExchangeResultCodeUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException for a code that is unknown (or of
   *     another environment), expired or already exchanged
   */
  PromptResult exchange(Command command);

  record Command(EnvironmentId environmentId, String resultCode, RequestOrigin origin) {
    public Command {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(resultCode, "resultCode");
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
      return "ExchangeResultCodeUseCase.Command[environmentId=" + environmentId + "]";
    }
  }

  /** The prompt's outcome: the tokens when it succeeded. */
  record PromptResult(
      PromptId promptId,
      PromptStatus status,
      Optional<String> failureReason,
      List<PromptToken> tokens) {
    public PromptResult {
      tokens = List.copyOf(tokens);
    }
  }
}
