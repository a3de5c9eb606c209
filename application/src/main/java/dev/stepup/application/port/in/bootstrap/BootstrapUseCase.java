package dev.stepup.application.port.in.bootstrap;

/**
 * Prepares a fresh installation: the demo environment, the first admin and the demo API key. Does
 * nothing when the installation was already prepared.
 */
public interface BootstrapUseCase {

  BootstrapResult bootstrap(BootstrapCommand command);
}
