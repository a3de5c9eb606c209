package dev.stepup.application.port.in.user;

/** A host backend signs a user in: the session remembers the credential used. */
public interface StartSessionUseCase {

  StartedSession start(StartSessionCommand command);
}
