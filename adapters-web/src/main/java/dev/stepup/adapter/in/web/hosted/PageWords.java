package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.api.error.ProblemWords;
import dev.stepup.application.port.in.RefusedException;

/**
 * The hosted pages' words for a refusal. They speak to the person at the page, so where the API's
 * words name request fields or tell a program what to send, a page says what to do on the page.
 */
final class PageWords {

  private PageWords() {}

  /** Words for what a page caught: a refusal in the page's words, else the problem's own. */
  static String of(RuntimeException e) {
    if (e instanceof RefusedException refused) {
      return of(refused);
    }
    return e.getMessage() == null ? "" : e.getMessage();
  }

  static String of(RefusedException e) {
    return switch (e.reason()) {
      case REDIRECT_URI_NOT_ALLOWED ->
          "This page may not be returned to after a sign-in here; an admin can allow it in the"
              + " console.";
      case STEP_UP_REQUIRED -> "Confirm it is you to continue.";
      case SESSION_ENDED -> "Your session has ended; sign in again.";
      default -> ProblemWords.detail(e);
    };
  }
}
