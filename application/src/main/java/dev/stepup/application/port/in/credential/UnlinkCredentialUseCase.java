package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in user unlinks one of their credentials (needs {@code credential:unlink}): every
 * record behind it goes, and the user's outstanding elevated tokens are revoked. Emails and phone
 * numbers are linked through {@link LinkCredentialUseCase}, which proves them first.
 */
public interface UnlinkCredentialUseCase {

  void unlink(Command command);

  /** Whose credential, which one, and the elevated token. */
  record Command(
      SessionContext context, CredentialId credentialId, Optional<String> elevatedToken) {

    public Command {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(credentialId, "credentialId");
      Objects.requireNonNull(elevatedToken, "elevatedToken");
    }
  }
}
