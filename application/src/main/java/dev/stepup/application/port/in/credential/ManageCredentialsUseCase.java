package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.User;
import java.util.Optional;

/**
 * The signed-in user's credentials: read them and unlink one (needs {@code credential:unlink},
 * removes every record behind it, revokes the user's outstanding elevated tokens). Emails and phone
 * numbers are linked through {@link LinkContactUseCase}, which proves them first.
 */
public interface ManageCredentialsUseCase {

  User me(SessionContext context);

  void unlink(SessionContext context, CredentialId credentialId, Optional<String> elevatedToken);
}
