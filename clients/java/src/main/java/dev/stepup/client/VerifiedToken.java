package dev.stepup.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of an elevated token that verified offline (ADR 0002): who ({@code sub}), in which
 * session and environment, for which scopes, how the user verified ({@code amr}, {@code acr},
 * {@code authTime}) and how long it lives.
 *
 * @param tokenId the token's {@code jti}
 * @param userId {@code sub}
 * @param sessionId {@code sid}, absent for tokens a host backend issued without a session
 * @param environmentId {@code aud}
 * @param scopes the scopes it covers
 * @param amr how the user verified (RFC 8176 values where they exist)
 * @param acr the assurance class, e.g. {@code urn:stepup:acr:mfa}
 * @param authTime when the user verified
 * @param singleUse whether it must be consumed through introspection
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param operation the operation the token is bound to ({@code authorization_details}), if any
 */
public record VerifiedToken(
    String tokenId,
    String userId,
    Optional<String> sessionId,
    String environmentId,
    Set<String> scopes,
    List<String> amr,
    String acr,
    Instant authTime,
    boolean singleUse,
    Instant issuedAt,
    Instant expiresAt,
    Optional<OperationBinding> operation) {}
