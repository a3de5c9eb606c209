package dev.stepup.application.port.in.signin;

import dev.stepup.domain.environment.EnvironmentId;

/**
 * Whether a hosted page may send the browser on to an address: a path on this server, or an address
 * the environment's admin allowed. Anything else is refused, so no page is an open redirect.
 */
public interface CheckReturnAddressUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException for an unknown environment
   */
  boolean permits(EnvironmentId environmentId, String returnTo);
}
