package dev.stepup.application.port.in.signin;

import dev.stepup.application.port.in.user.StartedSession;

/**
 * Starts a session for the user whose email received the sign-in code, first creating that user
 * (with the address as their only credential) when the code was a sign-up code. A known user's
 * wrong codes count towards the same lock as emailed step-up codes, so guessing at sign-in cannot
 * go on for ever.
 */
public interface SignInWithCodeUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException for a wrong, expired or spent code, no
   *     pending code, or a locked method (with the time left)
   */
  StartedSession signIn(SignInWithCodeCommand command);
}
