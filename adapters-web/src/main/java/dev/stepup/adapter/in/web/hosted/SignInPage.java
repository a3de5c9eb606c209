package dev.stepup.adapter.in.web.hosted;

/**
 * What the sign-in page shows (model attribute {@code page}): the step (ask for the address, or for
 * the code sent to it), the address typed, where to go afterwards, and what happened.
 *
 * @param sentTo the masked address a code went to; {@code null} before one is sent
 * @param accountsOnly whether codes go only to existing accounts (the page then never says which)
 * @param resendWait seconds the resend button waits (countdown.js); {@code null} for none
 */
record SignInPage(
    String returnTo,
    Step step,
    String email,
    String error,
    String sentTo,
    boolean accountsOnly,
    Long resendWait,
    String notice) {

  /** The panel the page shows. */
  enum Step {
    EMAIL,
    CODE
  }

  SignInPage {
    email = email == null ? "" : email.strip();
  }

  static SignInPage ask(String returnTo, String notice) {
    return new SignInPage(returnTo, Step.EMAIL, "", null, null, false, null, notice);
  }

  static SignInPage refused(String returnTo, Step step, String email, String error) {
    return new SignInPage(returnTo, step, email, error, null, false, null, null);
  }

  static SignInPage codeSent(
      String returnTo, String email, String sentTo, boolean accountsOnly, long resendWait) {
    return new SignInPage(returnTo, Step.CODE, email, null, sentTo, accountsOnly, resendWait, null);
  }
}
