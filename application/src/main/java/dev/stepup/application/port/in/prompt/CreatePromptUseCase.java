package dev.stepup.application.port.in.prompt;

import dev.stepup.domain.prompt.PromptId;
import java.time.Instant;

/** Creates a step-up prompt and the single-use launch ticket that opens its hosted page. */
public interface CreatePromptUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException when the return address or the opener's
   *     origin is not allowed for the environment
   * @throws dev.stepup.application.port.in.NotFoundException when the session is not an active
   *     session of that user in the environment
   */
  CreatedPrompt create(CreatePromptCommand command);

  /** The new prompt; the launch ticket exists only here and in the URL handed to the browser. */
  record CreatedPrompt(PromptId promptId, String launchTicket, Instant ticketExpiresAt) {
    @Override
    public String toString() {
      return "CreatedPrompt[promptId=" + promptId + ", ticketExpiresAt=" + ticketExpiresAt + "]";
    }
  }
}
