package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import java.util.Objects;

/** The settings an admin proposes for an environment. */
public record ConfigureStepUpCommand(
    EnvironmentId environmentId, StepUpSettings proposed, String actor, RequestOrigin origin) {
  public ConfigureStepUpCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(proposed, "proposed");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(origin, "origin");
  }
}
