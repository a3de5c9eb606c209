package dev.stepup.application.port.out.token;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed elevated access token says; the signer adds issuer, type and key id.
 *
 * @param acr the authentication context class reached (an {@code urn:stepup:acr:…} value)
 * @param authTime when the user last actively authenticated (the JWT {@code auth_time})
 */
public record ElevatedTokenClaims(
    ElevatedTokenId tokenId,
    EnvironmentId environmentId,
    UserId userId,
    Optional<SessionId> sessionId,
    Set<Scope> scopes,
    List<String> amr,
    String acr,
    Instant authTime,
    boolean singleUse,
    Instant issuedAt,
    Instant expiresAt) {
  public ElevatedTokenClaims {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    scopes = Set.copyOf(scopes);
    amr = List.copyOf(amr);
    Objects.requireNonNull(acr, "acr");
    Objects.requireNonNull(authTime, "authTime");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
