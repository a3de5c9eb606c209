package dev.stepup.application.port.in.token;

import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A token record as the console lists it, with its state at the time of listing.
 *
 * @param singleUseScopes which of its scopes a use spends
 * @param spentScopes the single-use scopes spent so far, and when
 */
public record TokenSummary(
    ElevatedTokenId id,
    UserId userId,
    Optional<SessionId> sessionId,
    Set<Scope> scopes,
    Optional<VerificationMethod> method,
    boolean singleUse,
    Instant issuedAt,
    Instant expiresAt,
    TokenState state,
    Optional<OperationBinding> operation,
    Set<Scope> singleUseScopes,
    Map<Scope, Instant> spentScopes) {

  public TokenSummary {
    singleUseScopes = Set.copyOf(singleUseScopes);
    spentScopes = Map.copyOf(spentScopes);
  }

  public static TokenSummary of(ElevatedToken token, Instant now) {
    return new TokenSummary(
        token.id(),
        token.userId(),
        token.sessionId(),
        token.scopes(),
        token.method(),
        token.singleUse(),
        token.issuedAt(),
        token.expiresAt(),
        token.state(now),
        token.binding(),
        token.uses().singleUse(),
        token.uses().spent());
  }
}
