package dev.stepup.application.port.out.token;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.operation.OperationBinding;
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
 * @param operation the operation the token is bound to (an RFC 9396 {@code authorization_details}
 *     entry), if any
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
    Instant expiresAt,
    Optional<OperationBinding> operation) {
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
    Objects.requireNonNull(operation, "operation");
  }

  /** The claims of a token good for any operation. */
  public ElevatedTokenClaims(
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
    this(
        tokenId,
        environmentId,
        userId,
        sessionId,
        scopes,
        amr,
        acr,
        authTime,
        singleUse,
        issuedAt,
        expiresAt,
        Optional.empty());
  }
}
