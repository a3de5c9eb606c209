package dev.stepup.application.port.in.signin;

/**
 * Emails a six-digit sign-in code to the user of an environment who signs in with that address. An
 * address nobody uses gets a sign-up code when the environment allows sign-up, and is refused
 * otherwise.
 */
public interface SendSignInCodeUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException for an unknown environment
   * @throws dev.stepup.application.port.in.RefusedException for an address no user signs in with
   *     where sign-up is off ({@code credential_not_eligible}), a throttled resend or a locked
   *     method
   */
  SignInCodeSent send(SignInCodeCommand command);

  /** Where the code went, masked for display. */
  record SignInCodeSent(String maskedAddress) {}
}
