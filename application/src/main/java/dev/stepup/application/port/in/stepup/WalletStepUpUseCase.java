package dev.stepup.application.port.in.stepup;

import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import java.util.Optional;
import java.util.Set;

/**
 * Step-up by a signature of the user's external wallet over a Sign-In with Ethereum message.
 * Embedded (server-held) wallets never verify.
 */
public interface WalletStepUpUseCase {

  /**
   * Issues a single-use, five-minute challenge for the wallet named, else the user's first external
   * wallet.
   *
   * @param scopes what the signature will be for, named in the message; empty for a generic
   *     statement
   */
  Challenge challenge(SessionContext context, Optional<CredentialId> walletId, Set<Scope> scopes);

  /**
   * @throws dev.stepup.application.port.in.RefusedException with the reason
   */
  IssuedElevatedToken verify(
      SessionContext context, String challengeId, String signature, Set<Scope> requestedScopes);

  /** The message to sign with {@code personal_sign}, and for which wallet. */
  record Challenge(String challengeId, CredentialId walletId, String address, String message) {}
}
