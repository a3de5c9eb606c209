package dev.stepup.application.port.in.signin;

/**
 * Emails a six-digit sign-in code to the user of an environment who signs in with that address. An
 * address nobody uses gets a sign-up code when the environment allows sign-up; otherwise it gets
 * nothing, but the answer is the same as for an account, so nobody learns which addresses have one.
 */
public interface SendSignInCodeUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException for an unknown environment
   * @throws dev.stepup.application.port.in.RefusedException for a throttled resend or a locked
   *     method
   */
  SignInCodeSent send(SignInCodeCommand command);

  /**
   * Where the code went, masked for display.
   *
   * @param accountsOnly sign-up is off: a code went out only if an account uses the address, and
   *     the page must say so in the same words either way
   */
  record SignInCodeSent(String maskedAddress, boolean accountsOnly) {}
}
