package dev.stepup.application.port.in.environment;

/** Changes an environment's step-up settings, refusing incoherent ones with reasons. */
public interface ConfigureStepUpUseCase {

  ConfigureStepUpResult configure(ConfigureStepUpCommand command);
}
