package dev.stepup.application.port.in.credential;

import dev.stepup.domain.credential.Credential;

/**
 * The signed-in user links a credential (needs {@code credential:link}): a wallet or social account
 * is proved by the command itself and linked at once; an email address or phone number is proved by
 * a code sent to it first.
 */
public interface LinkCredentialUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException when the proof or the token does not
   *     hold, or the credential is linked elsewhere
   */
  Linked link(LinkCredentialCommand command);

  /** How a link went. */
  sealed interface Linked {

    /** Linked now. */
    record Done(Credential credential) implements Linked {}

    /** A code went to the address or number; confirm it to link. */
    record Pending(PendingLink pending) implements Linked {}
  }
}
