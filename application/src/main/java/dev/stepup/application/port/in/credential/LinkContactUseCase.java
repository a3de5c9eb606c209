package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import java.time.Instant;
import java.util.Optional;

/**
 * Links an email address or phone number only once the user proves they receive it: starting (needs
 * {@code credential:link}) sends a code to the new address or number; the credential exists only
 * after that code is entered in the same session. Until then the address is nobody's.
 */
public interface LinkContactUseCase {

  /**
   * Sends a code to the address or number to link.
   *
   * @param format wire name: {@code email} or {@code phoneNumber}
   */
  PendingLink start(
      SessionContext context, String format, String value, Optional<String> elevatedToken);

  /**
   * Sends a new code for a pending link (throttled like every code); earlier codes stop working.
   */
  PendingLink resend(SessionContext context, String pendingId);

  /** Links the address or number when {@code code} is the one sent to it. */
  Credential confirm(SessionContext context, String pendingId, String code);

  /**
   * A link waiting for its code.
   *
   * @param alias the masked address or number the code went to
   */
  record PendingLink(String pendingId, CredentialFormat format, String alias, Instant expiresAt) {}
}
