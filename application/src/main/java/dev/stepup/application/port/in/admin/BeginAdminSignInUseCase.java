package dev.stepup.application.port.in.admin;

import java.time.Duration;
import java.util.Optional;

/**
 * Console sign-in hardening, before the password is checked: the attempt is counted per username
 * and per client address as a failure ahead (so concurrent guesses cannot all slip under the
 * threshold), and repeated failures refuse further attempts for a while.
 */
public interface BeginAdminSignInUseCase {

  /** How long sign-ins stay refused when they are refused now; the password is then not checked. */
  Optional<Duration> begin(AdminSignInAttempt attempt);
}
