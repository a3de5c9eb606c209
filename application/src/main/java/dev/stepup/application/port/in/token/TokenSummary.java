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
import java.util.Optional;
import java.util.Set;

/** A token record as the console lists it, with its state at the time of listing. */
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
    Optional<OperationBinding> operation) {

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
        token.binding());
  }
}
