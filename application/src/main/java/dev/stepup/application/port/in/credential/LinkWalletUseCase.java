package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.domain.credential.Credential;
import java.util.Optional;

/**
 * Links an external wallet after its owner proves possession by signing a Sign-In with Ethereum
 * message; the link itself needs a {@code credential:link} token.
 */
public interface LinkWalletUseCase {

  /** A message for the wallet at {@code address} to sign; valid once, for five minutes. */
  SignatureRequest linkChallenge(SessionContext context, String address);

  /**
   * @throws dev.stepup.application.port.in.RefusedException when the signature is not the wallet's,
   *     the challenge is used or expired, or the token is missing or spent
   */
  Credential link(
      SessionContext context, String challengeId, String signature, Optional<String> elevatedToken);
}
