package dev.stepup.application.service.token;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.application.port.out.version.RequestedApiVersion;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.Acr;
import dev.stepup.domain.operation.BindingMismatch;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.policy.StepUpDecision;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.TokenUseOutcome;
import dev.stepup.domain.version.LegacyMfaToken;
import dev.stepup.domain.version.LegacyMfaUse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Admits a protected action only with a valid elevated token; consumes single-use tokens. A scope
 * in monitor mode admits the action without a token and audits it as monitored.
 */
public final class ProtectedActionService implements AuthorizeProtectedActionUseCase {

  /** The reason of a monitored record made by a protected action. */
  public static final String MONITORED_ACTION = "action";

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final TokenRedemption redemption;
  private final StepUpPolicy policy = new StepUpPolicy();
  private final Audit audit;
  private final LegacyMfaUses legacyUses;
  private final RequestedApiVersion version;
  private final Clock clock;

  public ProtectedActionService(
      Environments environments,
      Sessions sessions,
      Users users,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      AuditTrail auditTrail,
      TransactionRunner transactions,
      LegacyMfaUses legacyUses,
      RequestedApiVersion version,
      Clock clock) {
    this.legacyUses = legacyUses;
    this.version = version;
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.audit = new Audit(auditTrail, clock);
    this.redemption = new TokenRedemption(tokens, signer, audit, transactions);
    this.clock = clock;
  }

  @Override
  public void authorize(
      SessionContext context, Scope scope, Optional<String> elevatedToken, Operation operation) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    StepUpSettings settings = acting.environment().settings();
    boolean noToken = elevatedToken.isEmpty() || elevatedToken.get().isBlank();
    if (settings.monitors(scope) && noToken) {
      // Monitor mode: the action goes through, counted as one enforcing would have refused. A
      // token that is presented is still judged below: monitor never makes a bad token good.
      audit
          .event(AuditEventType.STEP_UP_MONITORED, context.environmentId(), context.origin())
          .user(acting.user().id())
          .session(Optional.of(acting.session().id()))
          .scopes(Set.of(scope))
          .success(MONITORED_ACTION);
      return;
    }
    if (!settings.requiresStepUp(scope) && !settings.monitors(scope)) {
      return;
    }
    List<String> acr = acrValues(acting, scope, now);
    if (noToken) {
      throw stepUpRequired(scope, acr);
    }
    Optional<ElevatedToken> record = redemption.find(elevatedToken.get(), context.environmentId());
    if (record.isEmpty()) {
      refuse(context, acting, scope, Optional.empty(), "invalid_token");
      throw refusal(RefusalReason.TOKEN_NOT_VALID_HERE, scope, acr);
    }
    ElevatedToken token = record.get();
    boolean legacy = LegacyMfaToken.isLegacy(token.id());
    if (legacy && !acting.environment().servesLegacyMfa()) {
      // Retired at once, even for a legacy token issued before the switch.
      refuse(context, acting, scope, record, "legacy_api_retired");
      throw new RefusedException(RefusalReason.LEGACY_API_RETIRED).forScope(scope.wire(), acr);
    }
    Optional<BindingMismatch> mismatch = token.mismatch(operation, now);
    if (mismatch.isPresent()) {
      // Refused before any use: the token stays good for the operation it was bound to.
      refuse(context, acting, scope, record, OperationRefusal.auditReason(mismatch.get()));
      throw OperationRefusal.refusal(mismatch.get());
    }
    TokenRedemption.Redemption spent =
        redemption.spend(
            token,
            token.use(
                context.environmentId(), acting.user().id(), acting.session().id(), scope, now),
            now,
            r -> {
              if (legacy && r instanceof TokenRedemption.Spent) {
                // Counted in the spend's own commit: no extra write on the request path.
                legacyUses.record(
                    context.environmentId(),
                    LocalDate.ofInstant(now, ZoneOffset.UTC),
                    LegacyMfaUse.TOKEN_USED,
                    version.current());
              }
              return new TokenRedemption.Note(
                  context.environmentId(),
                  context.origin(),
                  acting.user().id(),
                  Optional.of(acting.session().id()),
                  Set.of(scope),
                  r instanceof TokenRedemption.Spent s && s.consumed() ? "consumed" : "used");
            });
    if (spent instanceof TokenRedemption.Refused refused) {
      throw refusalFor(refused.reason(), scope, acr);
    }
  }

  /** The levels a new step-up would reach for this user, as the challenge names them. */
  private List<String> acrValues(Acting acting, Scope scope, Instant now) {
    StepUpDecision decision =
        policy.decide(
            acting.environment().settings().enforcing(scope),
            acting.user(),
            acting.session(),
            scope,
            List.of(),
            now);
    return decision instanceof StepUpDecision.Required required
        ? required.acrValues().stream().map(Acr::wire).toList()
        : List.of();
  }

  private void refuse(
      SessionContext context,
      Acting acting,
      Scope scope,
      Optional<ElevatedToken> token,
      String reason) {
    audit
        .event(AuditEventType.TOKEN_REFUSED, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .scopes(Set.of(scope))
        .method(token.flatMap(ElevatedToken::method))
        .failure(reason);
  }

  static RefusedException stepUpRequired(Scope scope, List<String> acr) {
    return refusal(RefusalReason.STEP_UP_REQUIRED, scope, acr);
  }

  private static RefusedException refusalFor(
      TokenUseOutcome.Reason reason, Scope scope, List<String> acr) {
    return switch (reason) {
      case CONSUMED -> refusal(RefusalReason.TOKEN_CONSUMED, scope, acr);
      case EXPIRED -> refusal(RefusalReason.TOKEN_EXPIRED, scope, acr);
      case REVOKED -> refusal(RefusalReason.TOKEN_REVOKED, scope, acr);
      case SCOPE_NOT_GRANTED -> stepUpRequired(scope, acr);
      // A protected action always names its scope: only a host's scope-less redeem sees this.
      case SCOPE_REQUIRED -> stepUpRequired(scope, acr);
      case WRONG_ENVIRONMENT, WRONG_SUBJECT ->
          refusal(RefusalReason.TOKEN_OF_ANOTHER_USER, scope, acr);
    };
  }

  private static RefusedException refusal(RefusalReason reason, Scope scope, List<String> acr) {
    return new RefusedException(reason).forScope(scope.wire(), acr);
  }
}
