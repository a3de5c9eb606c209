package dev.stepup.application.service.token;

import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.TokenUseOutcome;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one path that spends an elevated token, for protected actions and for host backends'
 * consuming introspection alike: find the record of the presented token ({@link PresentedTokens}),
 * let the domain judge the use, persist a consumption by compare-and-set (of concurrent spends
 * exactly one wins), and audit the outcome.
 */
final class TokenRedemption {

  /** How a spend went. */
  sealed interface Redemption permits Spent, Refused {
    ElevatedToken token();
  }

  /** The token was good for the use; {@code scope} names the single-use scope it spent, if any. */
  record Spent(ElevatedToken token, Optional<Scope> scope) implements Redemption {
    /** Whether this spend used a single-use scope. */
    boolean consumed() {
      return scope.isPresent();
    }
  }

  /** The token was not good for the use, or a concurrent spend consumed it first. */
  record Refused(ElevatedToken token, TokenUseOutcome.Reason reason) implements Redemption {}

  private final ElevatedTokens tokens;
  private final PresentedTokens presented;
  private final Audit audit;

  private final TransactionRunner transactions;

  TokenRedemption(
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      Audit audit,
      TransactionRunner transactions) {
    this.tokens = tokens;
    this.presented = new PresentedTokens(tokens, signer);
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Who spent the token, where, for what: the audit record of a spend. */
  record Note(
      EnvironmentId environmentId,
      RequestOrigin origin,
      UserId user,
      Optional<SessionId> session,
      Set<Scope> scopes,
      String detail) {}

  /**
   * Spends the token as {@link #spend} does and audits how it went, in one transaction: a
   * consumption and its record commit together.
   */
  Redemption spend(
      ElevatedToken token, TokenUseOutcome outcome, Instant now, Function<Redemption, Note> note) {
    return transactions.inSharedCommit(
        () -> {
          Redemption redemption = spend(token, outcome, now);
          Note n = note.apply(redemption);
          audit(
              redemption,
              n.environmentId(),
              n.origin(),
              n.user(),
              n.session(),
              n.scopes(),
              n.detail());
          return redemption;
        });
  }

  /** The record behind a compact token of this environment (see {@link PresentedTokens}). */
  Optional<ElevatedToken> find(String compact, EnvironmentId environmentId) {
    return presented.recordOf(compact, environmentId);
  }

  /**
   * Persists what the domain decided: spending a single-use scope is stored by compare-and-set (per
   * scope), and losing that race is a refusal ({@code CONSUMED}) carrying the token as it now
   * stands.
   */
  Redemption spend(ElevatedToken token, TokenUseOutcome outcome, Instant now) {
    if (outcome instanceof TokenUseOutcome.Refused refused) {
      return new Refused(token, refused.reason());
    }
    Optional<Scope> spent = ((TokenUseOutcome.Accepted) outcome).spent();
    if (spent.isPresent() && !tokens.markSpent(token, spent.get(), now)) {
      // Another request spent this scope (or revoked the token) between our read and our write.
      ElevatedToken current = tokens.find(token.id()).orElse(token);
      return new Refused(
          current,
          current.revokedAt().isPresent()
              ? TokenUseOutcome.Reason.REVOKED
              : TokenUseOutcome.Reason.CONSUMED);
    }
    return new Spent(token, spent);
  }

  /** Audits a spend: {@code TOKEN_CONSUMED} with {@code detail}, or {@code TOKEN_REFUSED}. */
  void audit(
      Redemption redemption,
      EnvironmentId environmentId,
      RequestOrigin origin,
      UserId user,
      Optional<SessionId> session,
      Set<Scope> scopes,
      String detail) {
    var entry =
        audit
            .event(
                redemption instanceof Spent
                    ? AuditEventType.TOKEN_CONSUMED
                    : AuditEventType.TOKEN_REFUSED,
                environmentId,
                origin)
            .user(user)
            .session(session)
            .scopes(scopes)
            .method(redemption.token().method());
    if (redemption instanceof Refused refused) {
      entry.failure(refused.reason().name().toLowerCase(Locale.ROOT));
    } else {
      entry.success(detail);
    }
  }
}
