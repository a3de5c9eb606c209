package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a code the user typed (an email/SMS one-time code, a TOTP code, or a recovery code) and
 * issues an elevated token for the requested scopes. Every failure is counted; repeated failures
 * lock the method for a while.
 */
public interface VerifyCodeUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException with the reason
   */
  IssuedElevatedToken verifyOtp(SessionContext context, String code, Set<Scope> requestedScopes);

  /**
   * @param deviceId the TOTP device to check; empty tries each of the user's confirmed devices
   * @throws dev.stepup.application.port.in.RefusedException with the reason
   */
  IssuedElevatedToken verifyTotp(
      SessionContext context,
      String code,
      Optional<CredentialId> deviceId,
      Set<Scope> requestedScopes);

  /**
   * @throws dev.stepup.application.port.in.RefusedException with the reason
   */
  IssuedElevatedToken verifyRecoveryCode(
      SessionContext context, String code, Set<Scope> requestedScopes);
}
