package dev.stepup.application.port.in.admin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import java.time.Duration;
import java.util.Optional;

/**
 * Console sign-in hardening: each attempt is counted per username and per client address before the
 * password is checked, repeated failures refuse further attempts for a while, and every attempt,
 * success or failure, is audited with the username tried.
 */
public interface AdminSignInUseCase {

  /**
   * Counts the attempt ahead as a failure (so concurrent guesses cannot all slip under the
   * threshold); answers how long sign-ins stay refused when they are refused now, in which case the
   * password must not be checked.
   */
  Optional<Duration> begin(String username, RequestOrigin origin);

  /** The password was wrong or the admin unknown: the attempt stays counted and is audited. */
  void failed(String username, RequestOrigin origin);

  /** The admin signed in: their failures are forgotten and the sign-in is audited. */
  void succeeded(String username, RequestOrigin origin);

  /** The admin signed out (audited). */
  void signedOut(String username, RequestOrigin origin);
}
