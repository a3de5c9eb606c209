package dev.stepup.domain.mfa;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered WebAuthn credential: the public key the authenticator made and the signature counter
 * it last reported. A counter that does not increase marks a possibly cloned authenticator.
 *
 * @param webauthnId the authenticator's credential id, base64url without padding
 * @param userHandle the WebAuthn user handle the credential was made for, base64url
 */
public record Passkey(
    CredentialId id,
    UserId userId,
    String webauthnId,
    String userHandle,
    byte[] publicKeyCose,
    long signCount,
    String alias,
    Instant createdAt) {

  public Passkey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(webauthnId, "webauthnId");
    Objects.requireNonNull(userHandle, "userHandle");
    publicKeyCose = Objects.requireNonNull(publicKeyCose, "publicKeyCose").clone();
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(createdAt, "createdAt");
    if (signCount < 0) {
      throw new IllegalArgumentException("the signature counter is never negative");
    }
  }

  @Override
  public byte[] publicKeyCose() {
    return publicKeyCose.clone();
  }

  /**
   * Whether a reported counter is acceptable: authenticators that do not count report 0 forever;
   * the others must report more than last time.
   */
  public boolean acceptsCounter(long reported) {
    return (reported == 0 && signCount == 0) || reported > signCount;
  }
}
