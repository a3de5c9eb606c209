package dev.stepup.application.service.environment;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.signin.CheckReturnAddressUseCase;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.domain.environment.EnvironmentId;

/** Answers whether a hosted page may send the browser on to an address, as the domain says. */
public final class CheckReturnAddressService implements CheckReturnAddressUseCase {

  private final Environments environments;

  public CheckReturnAddressService(Environments environments) {
    this.environments = environments;
  }

  @Override
  public boolean permits(EnvironmentId environmentId, String returnTo) {
    return environments
        .find(environmentId)
        .orElseThrow(() -> new NotFoundException("environment", environmentId))
        .allowsReturnTo(returnTo);
  }
}
