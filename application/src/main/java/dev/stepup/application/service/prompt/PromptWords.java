package dev.stepup.application.service.prompt;

import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.prompt.PromptTarget;

/** How a prompt is described in the audit trail: its id, mode and target, never a secret. */
final class PromptWords {

  private PromptWords() {}

  static String describe(Prompt prompt) {
    String target =
        prompt.target() instanceof PromptTarget.Popup popup
            ? "popup for " + popup.origin()
            : "redirect";
    return prompt.id() + " (" + prompt.mode().wire() + ", " + target + ")";
  }

  static String outcome(Prompt prompt) {
    return prompt.id()
        + " "
        + prompt.status().wire()
        + prompt.failureReason().map(r -> " (" + r + ")").orElse("");
  }
}
