package dev.stepup.application.port.in.version;

import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import java.util.Objects;
import java.util.Optional;

/**
 * The calls of action-based MFA, kept while the environment's minimum API version is unset: both
 * are refused ({@code legacy_api_retired}) once it is {@code 2026_04_01}.
 */
public interface LegacyMfaUseCase {

  /**
   * Whether MFA is required before {@code action} (an old action name such as {@code
   * WalletWaasExport}): the answer of a step-up check for the scope it maps to.
   */
  boolean isRequiredForAction(SessionContext context, String action, Optional<String> presented);

  /** Verifies an MFA proof and issues a legacy MFA token (the old "create an MFA token" flag). */
  IssuedElevatedToken verify(Command command);

  /** An MFA proof (TOTP, recovery code or passkey) and whether the token is single-use. */
  record Command(SessionContext context, Proof proof, boolean singleUse) {
    public Command {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(proof, "proof");
      if (!(proof instanceof Proof.TotpProof
          || proof instanceof Proof.RecoveryCodeProof
          || proof instanceof Proof.PasskeyProof)) {
        throw new IllegalArgumentException("proof: a legacy MFA token needs an MFA proof");
      }
    }
  }
}
