package dev.stepup.application.port.in.credential;

import dev.stepup.domain.credential.CredentialFormat;
import java.time.Instant;

/**
 * An email address or phone number waiting for the code sent to it before it is linked.
 *
 * @param alias the masked address or number the code went to
 */
public record PendingLink(
    String pendingId, CredentialFormat format, String alias, Instant expiresAt) {}
