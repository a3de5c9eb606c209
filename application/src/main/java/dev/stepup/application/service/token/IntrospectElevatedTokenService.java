package dev.stepup.application.service.token;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.IntrospectElevatedTokenUseCase;
import dev.stepup.application.port.in.token.Introspection;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.operation.BindingMismatch;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.token.TokenUseOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a host backend whether a token is good; a consuming call spends it through the same {@link
 * TokenRedemption} as protected actions.
 */
public final class IntrospectElevatedTokenService implements IntrospectElevatedTokenUseCase {

  private final Sessions sessions;
  private final TokenRedemption redemption;
  private final Audit audit;
  private final Clock clock;

  public IntrospectElevatedTokenService(
      Sessions sessions,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      AuditTrail auditTrail,
      TransactionRunner transactions,
      Clock clock) {
    this.sessions = sessions;
    this.audit = new Audit(auditTrail, clock);
    this.redemption = new TokenRedemption(tokens, signer, audit, transactions);
    this.clock = clock;
  }

  @Override
  public Introspection introspect(IntrospectCommand command) {
    Optional<ElevatedToken> found = redemption.find(command.token(), command.environmentId());
    if (found.isEmpty()) {
      return Introspection.inactive();
    }
    ElevatedToken token = found.get();
    Instant now = clock.instant();
    if (sessionIsOver(token, now)) {
      // A token lives no longer than the session it was earned in, idle timeout included.
      if (command.consume()) {
        audit
            .event(AuditEventType.TOKEN_REFUSED, command.environmentId(), command.origin())
            .user(token.userId())
            .session(token.sessionId())
            .scopes(token.scopes())
            .method(token.method())
            .failure("session_ended");
      }
      return Introspection.inactive();
    }
    if (command.consume() || command.operation().isPresent()) {
      // A consuming call that names no operation cannot spend a bound token; a peek is told of
      // a mismatch only when it names the operation it means.
      Optional<BindingMismatch> mismatch =
          token.mismatch(command.operation().orElse(Operation.unnamed()), now);
      if (mismatch.isPresent()) {
        audit
            .event(AuditEventType.TOKEN_REFUSED, command.environmentId(), command.origin())
            .user(token.userId())
            .session(token.sessionId())
            .scopes(command.scope().map(Set::of).orElse(token.scopes()))
            .method(token.method())
            .failure(OperationRefusal.auditReason(mismatch.get()));
        throw OperationRefusal.refusal(mismatch.get());
      }
    }
    if (!command.consume()) {
      boolean active =
          token.state(now) == TokenState.ACTIVE
              && command.scope().map(s -> token.covers(s, now)).orElse(true);
      return describe(token, active, Optional.empty(), now);
    }
    TokenRedemption.Redemption spent =
        redemption.spend(
            token,
            token.redeem(command.environmentId(), command.scope(), now),
            now,
            r ->
                new TokenRedemption.Note(
                    command.environmentId(),
                    command.origin(),
                    r.token().userId(),
                    r.token().sessionId(),
                    spentScope(r).or(command::scope).map(Set::of).orElse(r.token().scopes()),
                    r.token().id().value()));
    if (spent instanceof TokenRedemption.Refused refused
        && refused.reason() == TokenUseOutcome.Reason.SCOPE_REQUIRED) {
      // Several scopes could be spent: the host must say which, we do not guess.
      throw new RefusedException(RefusalReason.SCOPE_REQUIRED_TO_SPEND);
    }
    return describe(spent.token(), spent instanceof TokenRedemption.Spent, spentScope(spent), now);
  }

  /** The scope a spend used up, named in its audit record (and so in the webhook). */
  private static Optional<Scope> spentScope(TokenRedemption.Redemption redemption) {
    return redemption instanceof TokenRedemption.Spent s ? s.scope() : Optional.empty();
  }

  private boolean sessionIsOver(ElevatedToken token, Instant now) {
    return token
        .sessionId()
        .map(id -> sessions.find(id).filter(s -> s.isActive(now)).isEmpty())
        .orElse(false);
  }

  /**
   * An inactive token is answered with {@code active: false} alone (RFC 7662 §2.2). An active one
   * lists the scopes it is good for: those still usable, plus the one this call just spent.
   */
  private static Introspection describe(
      ElevatedToken token, boolean active, Optional<Scope> justSpent, Instant now) {
    if (!active) {
      return Introspection.inactive();
    }
    Set<Scope> goodFor = new LinkedHashSet<>();
    for (Scope scope : token.scopes()) {
      if (token.covers(scope, now) || justSpent.filter(scope::equals).isPresent()) {
        goodFor.add(scope);
      }
    }
    return new Introspection(
        true,
        Optional.of(token.userId()),
        token.sessionId(),
        goodFor,
        token.singleUse(),
        Optional.of(token.expiresAt()),
        Optional.of(token.state(now)),
        token.amr(),
        Optional.of(token.acr().wire()),
        Optional.of(token.authTime()),
        token.binding(),
        token.uses().singleUse(),
        token.uses().spent().keySet());
  }
}
