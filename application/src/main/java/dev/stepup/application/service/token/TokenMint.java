package dev.stepup.application.service.token;

import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.token.ElevatedTokenClaims;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenFingerprint;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one path that issues an elevated token — signed, recorded, audited — for a caller that has
 * already loaded and checked the environment, user and session: a verification that just succeeded
 * or a host backend's request.
 */
public final class TokenMint {

  private final ElevatedTokens tokens;
  private final ElevatedTokenSigner signer;
  private final Audit audit;
  private final TransactionRunner transactions;

  public TokenMint(
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      AuditTrail auditTrail,
      TransactionRunner transactions,
      Clock clock) {
    this.tokens = tokens;
    this.signer = signer;
    this.audit = new Audit(auditTrail, clock);
    this.transactions = transactions;
  }

  public IssuedElevatedToken mint(
      Environment environment,
      UserId userId,
      Optional<SessionId> sessionId,
      Set<Scope> scopes,
      Optional<VerificationMethod> method,
      RequestOrigin origin,
      Instant now) {
    return mint(environment, userId, sessionId, scopes, method, Optional.empty(), origin, now);
  }

  /** As above, the token bound to {@code operation} when one is given. */
  public IssuedElevatedToken mint(
      Environment environment,
      UserId userId,
      Optional<SessionId> sessionId,
      Set<Scope> scopes,
      Optional<VerificationMethod> method,
      Optional<OperationBinding> operation,
      RequestOrigin origin,
      Instant now) {
    ElevatedToken token =
        ElevatedToken.issue(
            new ElevatedTokenId(RandomTokens.orderedId("tok", now)),
            environment.id(),
            userId,
            sessionId,
            scopes,
            method,
            environment.settings(),
            now);
    operation.ifPresent(token::bindTo);
    return mint(token, origin);
  }

  /**
   * Signs, records and audits a token the domain already built (e.g. a legacy MFA token), joining
   * the caller's transaction if any.
   */
  public IssuedElevatedToken mint(ElevatedToken token, RequestOrigin origin) {
    String compact =
        signer.sign(
            new ElevatedTokenClaims(
                token.id(),
                token.environmentId(),
                token.userId(),
                token.sessionId(),
                token.scopes(),
                token.amr(),
                token.acr().wire(),
                token.authTime(),
                token.singleUse(),
                token.issuedAt(),
                token.expiresAt(),
                token.binding()));
    TokenFingerprint fingerprint = TokenFingerprint.of(compact);
    // The token and its audit record are one commit (joining the caller's transaction if any).
    transactions.inSharedCommit(
        () -> {
          tokens.add(token, Optional.of(fingerprint));
          audit
              .event(AuditEventType.TOKEN_ISSUED, token.environmentId(), origin)
              .user(token.userId())
              .session(token.sessionId())
              .scopes(token.scopes())
              .method(token.method())
              .success(token.id().value());
        });
    return new IssuedElevatedToken(
        compact, token.id(), token.scopes(), token.singleUse(), token.expiresAt());
  }
}
