package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.in.token.IssuedElevatedToken;

/**
 * Verifies a proof (a code, a passkey assertion, a wallet signature) and issues an elevated token
 * for the requested scopes. Every attempt is audited; failures count towards a lock of the method.
 */
public interface VerifyStepUpUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException with the reason
   * @throws IllegalArgumentException for a social proof, which only the provider's callback
   *     presents
   */
  IssuedElevatedToken verify(VerifyStepUpCommand command);
}
