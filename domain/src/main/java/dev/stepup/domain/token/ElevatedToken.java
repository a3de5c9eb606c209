package dev.stepup.domain.token;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.Acr;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.operation.BindingMismatch;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The record of an elevated access token: who it was issued to, for which scopes, how the user
 * verified, and where it is in its lifecycle.
 */
public final class ElevatedToken {

  /** The {@code amr} of a token a host backend issued: no method was used here. */
  public static final List<String> BACKEND_AMR = List.of("backend");

  private final ElevatedTokenId id;
  private final EnvironmentId environmentId;
  private final UserId userId;
  private final Optional<SessionId> sessionId;
  private final Set<Scope> scopes;
  private final Optional<VerificationMethod> method;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private ScopeUses uses;
  private Instant revokedAt;
  // Set once, when issued (or rebuilt from storage); absent for a token good for any operation.
  private OperationBinding binding;

  /**
   * Rebuilds a token record as stored. A token stored before scopes were spent one by one (and a
   * legacy MFA token) is single-use or not as a whole: {@link ScopeUses#wholeToken}.
   *
   * @param method how the user verified; empty when a host backend issued the token itself
   * @param uses which of its scopes are single-use and which of those were spent
   */
  public ElevatedToken(
      ElevatedTokenId id,
      EnvironmentId environmentId,
      UserId userId,
      Optional<SessionId> sessionId,
      Set<Scope> scopes,
      Optional<VerificationMethod> method,
      ScopeUses uses,
      Instant issuedAt,
      Instant expiresAt,
      Instant revokedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(scopes, "scopes");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("an elevated token carries at least one scope");
    }
    this.scopes = Collections.unmodifiableSet(new TreeSet<>(scopes));
    this.method = Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uses, "uses");
    if (!scopes.containsAll(uses.singleUse())) {
      throw new IllegalArgumentException("a single-use scope must be one of the token's scopes");
    }
    this.uses = uses;
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a token must expire after it is issued");
    }
    this.revokedAt = revokedAt;
  }

  /**
   * Issues a token for {@code scopes} under the environment's rules, recorded now so later changes
   * do not alter it: each single-use scope is spent on its own first use, the others are usable
   * until the token expires, and it lives the shortest lifetime among its scopes.
   */
  public static ElevatedToken issue(
      ElevatedTokenId id,
      EnvironmentId environmentId,
      UserId userId,
      Optional<SessionId> sessionId,
      Set<Scope> scopes,
      Optional<VerificationMethod> method,
      StepUpSettings settings,
      Instant now) {
    return new ElevatedToken(
        id,
        environmentId,
        userId,
        sessionId,
        scopes,
        method,
        ScopeUses.issuedUnder(settings, scopes),
        now,
        now.plus(settings.lifetimeFor(scopes)),
        null);
  }

  /** Binds this token, once, to the only operation it may then be spent on (ADR 0035). */
  public ElevatedToken bindTo(OperationBinding operation) {
    Objects.requireNonNull(operation, "operation");
    if (binding != null) {
      throw new IllegalStateException("the token is already bound to an operation");
    }
    binding = operation;
    return this;
  }

  /**
   * Why this token may not be spent on {@code operation}, asked before any use so that a refusal
   * spends nothing; empty when unbound, or no longer active (refused for that instead).
   */
  public Optional<BindingMismatch> mismatch(Operation operation, Instant now) {
    return binding()
        .filter(b -> state(now) == TokenState.ACTIVE)
        .flatMap(b -> b.mismatch(operation));
  }

  /** The state of the token as a whole: {@code CONSUMED} only once every scope was spent. */
  public TokenState state(Instant now) {
    if (consumedAt().isPresent()) {
      return TokenState.CONSUMED;
    }
    return lifeState(now);
  }

  /** The state of the token for one of its scopes: {@code CONSUMED} once that scope was spent. */
  public TokenState state(Scope scope, Instant now) {
    if (!scopes.contains(scope)) {
      throw new IllegalArgumentException("the token does not carry " + scope);
    }
    return uses.isSpent(scope) ? TokenState.CONSUMED : lifeState(now);
  }

  private TokenState lifeState(Instant now) {
    if (revokedAt != null) {
      return TokenState.REVOKED;
    }
    if (!now.isBefore(expiresAt)) {
      return TokenState.EXPIRED;
    }
    return TokenState.ACTIVE;
  }

  /** Whether the token grants {@code scope} and that scope is usable at {@code now}. */
  public boolean covers(Scope scope, Instant now) {
    return scopes.contains(scope) && state(scope, now) == TokenState.ACTIVE;
  }

  /** The scopes still usable at {@code now}, in the token's order. */
  public Set<Scope> usableScopes(Instant now) {
    return scopes.stream()
        .filter(scope -> covers(scope, now))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Checks the token before a protected action in {@code environment} for {@code scope}, acting as
   * {@code user}. An accepted use of a single-use scope spends that scope (and only it): the caller
   * must persist the transition atomically so that exactly one of concurrent uses wins.
   */
  public TokenUseOutcome use(EnvironmentId environment, UserId user, Scope scope, Instant now) {
    if (environmentId.equals(environment) && !userId.equals(user)) {
      return new TokenUseOutcome.Refused(TokenUseOutcome.Reason.WRONG_SUBJECT);
    }
    return redeem(environment, Optional.of(scope), now);
  }

  /**
   * As {@link #use(EnvironmentId, UserId, Scope, Instant)}, and the token must also be bound to the
   * acting session when it was issued to one: a token earned in one session is no use to a thief
   * who replays it from another.
   */
  public TokenUseOutcome use(
      EnvironmentId environment, UserId user, SessionId session, Scope scope, Instant now) {
    if (environmentId.equals(environment)
        && sessionId.filter(s -> !s.equals(session)).isPresent()) {
      return new TokenUseOutcome.Refused(TokenUseOutcome.Reason.WRONG_SUBJECT);
    }
    return use(environment, user, scope, now);
  }

  /**
   * Redeems the token for a host backend that checks it on the user's behalf, optionally for one
   * scope. An accepted use of a single-use scope spends that scope alone, as in {@link #use}.
   * Without a scope the use is for the token's only single-use scope, if it has one; a token with
   * several single-use scopes is refused ({@code SCOPE_REQUIRED}) rather than spent by a guess.
   */
  public TokenUseOutcome redeem(EnvironmentId environment, Optional<Scope> scope, Instant now) {
    if (!environmentId.equals(environment)) {
      return new TokenUseOutcome.Refused(TokenUseOutcome.Reason.WRONG_ENVIRONMENT);
    }
    Optional<TokenUseOutcome> refused = TokenUseOutcome.refusedWhen(state(now));
    if (refused.isPresent()) {
      return refused.get();
    }
    ScopeUses.Spend spend = uses.use(scopes, scope, now);
    uses = spend.after();
    return spend.outcome();
  }

  /**
   * Revokes the token; returns false when it was no longer active (revoking is idempotent, and a
   * consumed or expired token stays as it ended).
   */
  public boolean revoke(Instant now) {
    if (state(now) != TokenState.ACTIVE) {
      return false;
    }
    revokedAt = now;
    return true;
  }

  public ElevatedTokenId id() {
    return id;
  }

  public EnvironmentId environmentId() {
    return environmentId;
  }

  public UserId userId() {
    return userId;
  }

  public Optional<SessionId> sessionId() {
    return sessionId;
  }

  public Set<Scope> scopes() {
    return scopes;
  }

  /** The operation the token is bound to, if any. */
  public Optional<OperationBinding> binding() {
    return Optional.ofNullable(binding);
  }

  public Optional<VerificationMethod> method() {
    return method;
  }

  /** Whether any scope of the token is single-use. */
  public boolean singleUse() {
    return !uses.singleUse().isEmpty();
  }

  /** Which scopes are single-use and which of those were spent, when. */
  public ScopeUses uses() {
    return uses;
  }

  /** How the user verified, as RFC 8176 {@code amr} values (see {@link VerificationMethod#amr}). */
  public List<String> amr() {
    return method.map(VerificationMethod::amr).orElse(BACKEND_AMR);
  }

  /** The authentication context class the verification reached. */
  public Acr acr() {
    return Acr.of(method);
  }

  /** When the user last authenticated: the moment a verification succeeded, its issue time. */
  public Instant authTime() {
    return issuedAt;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** When the token was used up: its last scope spent (never, with a multi-use scope). */
  public Optional<Instant> consumedAt() {
    return uses.usedUpAt(scopes);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }
}
