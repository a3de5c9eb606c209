package dev.stepup.application.port.in.environment;

import dev.stepup.domain.environment.StepUpSettings;
import java.util.List;

/** Whether new settings took effect. */
public sealed interface ConfigureStepUpResult {

  /** The settings now in force. */
  record Applied(StepUpSettings settings) implements ConfigureStepUpResult {}

  /** Nothing changed; each problem explains what would go wrong. */
  record Rejected(List<String> problems) implements ConfigureStepUpResult {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }
}
