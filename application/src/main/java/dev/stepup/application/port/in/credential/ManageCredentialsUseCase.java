package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.User;
import java.util.Optional;

/**
 * The signed-in user's credentials: read them, link (needs {@code credential:link}) and unlink
 * (needs {@code credential:unlink}, revokes the user's outstanding elevated tokens).
 */
public interface ManageCredentialsUseCase {

  User me(SessionContext context);

  /**
   * @param format wire name: {@code email} or {@code phoneNumber}
   */
  Credential link(
      SessionContext context, String format, String value, Optional<String> elevatedToken);

  void unlink(SessionContext context, CredentialId credentialId, Optional<String> elevatedToken);
}
