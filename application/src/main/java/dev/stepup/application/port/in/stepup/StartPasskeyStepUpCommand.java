package dev.stepup.application.port.in.stepup;

import java.util.Objects;

/** Ask for a passkey prompt to step up with. */
public record StartPasskeyStepUpCommand(SessionContext context) {
  public StartPasskeyStepUpCommand {
    Objects.requireNonNull(context, "context");
  }
}
