package dev.stepup.application.service.token;

import dev.stepup.application.port.in.token.GetVerificationKeysUseCase;
import dev.stepup.application.port.out.token.VerificationKeys;

/** Publishes the token verification keys. */
public final class VerificationKeysService implements GetVerificationKeysUseCase {

  private final VerificationKeys keys;

  public VerificationKeysService(VerificationKeys keys) {
    this.keys = keys;
  }

  @Override
  public String jwksJson() {
    return keys.jwksJson();
  }
}
