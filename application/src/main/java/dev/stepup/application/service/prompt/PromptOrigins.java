package dev.stepup.application.service.prompt;

import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.prompt.PromptTarget;

/** Whether an environment lets a popup prompt answer the window on an origin. */
final class PromptOrigins {

  private PromptOrigins() {}

  static boolean permits(Environment environment, PromptTarget.Popup popup) {
    // Until the environment's browser-origin list exists, no origin is allowed.
    return false;
  }
}
