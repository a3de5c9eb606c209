package dev.stepup.domain.token;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
  private final boolean singleUse;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private Instant consumedAt;
  private Instant revokedAt;
  // Set once, when issued (or rebuilt from storage); absent for a token good for any operation.
  private OperationBinding binding;

  /**
   * Rebuilds a token record as stored.
   *
   * @param method how the user verified; empty when a host backend issued the token itself
   */
  public ElevatedToken(
      ElevatedTokenId id,
      EnvironmentId environmentId,
      UserId userId,
      Optional<SessionId> sessionId,
      Set<Scope> scopes,
      Optional<VerificationMethod> method,
      boolean singleUse,
      Instant issuedAt,
      Instant expiresAt,
      Instant consumedAt,
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
    this.singleUse = singleUse;
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a token must expire after it is issued");
    }
    if (consumedAt != null && !singleUse) {
      throw new IllegalArgumentException("only a single-use token can be consumed");
    }
    this.consumedAt = consumedAt;
    this.revokedAt = revokedAt;
  }

  /**
   * Issues a token for {@code scopes} under the environment's rules: single-use when any scope is
   * configured single-use, otherwise multi-use; it lives the shortest lifetime among its scopes.
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
    TokenUse use = settings.tokenUseFor(scopes);
    return new ElevatedToken(
        id,
        environmentId,
        userId,
        sessionId,
        scopes,
        method,
        use == TokenUse.SINGLE,
        now,
        now.plus(settings.lifetimeFor(scopes)),
        null,
        null);
  }

  /**
   * Binds this token to one operation (before it is signed and stored, or when rebuilding a stored
   * one): it will then be spent only on that operation. A token is bound at most once.
   */
  public ElevatedToken bindTo(OperationBinding operation) {
    Objects.requireNonNull(operation, "operation");
    if (binding != null) {
      throw new IllegalStateException("the token is already bound to an operation");
    }
    binding = operation;
    return this;
  }

  /**
   * Why this token may not be spent on {@code operation}, checked before any use so that a refusal
   * spends nothing; empty for an unbound token, and for one no longer active (its use is refused
   * for that reason instead).
   */
  public Optional<BindingMismatch> mismatch(Operation operation, Instant now) {
    if (binding == null || state(now) != TokenState.ACTIVE) {
      return Optional.empty();
    }
    return binding.mismatch(operation);
  }

  public TokenState state(Instant now) {
    if (consumedAt != null) {
      return TokenState.CONSUMED;
    }
    if (revokedAt != null) {
      return TokenState.REVOKED;
    }
    if (!now.isBefore(expiresAt)) {
      return TokenState.EXPIRED;
    }
    return TokenState.ACTIVE;
  }

  /** Whether the token is active at {@code now} and grants {@code scope}. */
  public boolean covers(Scope scope, Instant now) {
    return state(now) == TokenState.ACTIVE && scopes.contains(scope);
  }

  /**
   * Checks the token before a protected action in {@code environment} for {@code scope}, acting as
   * {@code user}. A single-use token that is accepted is consumed by this call: the caller must
   * persist the transition atomically so that exactly one of concurrent uses wins.
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
        && sessionId.isPresent()
        && !sessionId.get().equals(session)) {
      return new TokenUseOutcome.Refused(TokenUseOutcome.Reason.WRONG_SUBJECT);
    }
    return use(environment, user, scope, now);
  }

  /**
   * Redeems the token for a host backend that checks it on the user's behalf, optionally for one
   * scope; a single-use token that is accepted is consumed, as in {@link #use}.
   */
  public TokenUseOutcome redeem(EnvironmentId environment, Optional<Scope> scope, Instant now) {
    if (!environmentId.equals(environment)) {
      return new TokenUseOutcome.Refused(TokenUseOutcome.Reason.WRONG_ENVIRONMENT);
    }
    TokenUseOutcome refusal = refusalFor(state(now));
    if (refusal != null) {
      return refusal;
    }
    if (scope.isPresent() && !scopes.contains(scope.get())) {
      return new TokenUseOutcome.Refused(TokenUseOutcome.Reason.SCOPE_NOT_GRANTED);
    }
    if (singleUse) {
      consumedAt = now;
      return new TokenUseOutcome.Accepted(true);
    }
    return new TokenUseOutcome.Accepted(false);
  }

  private static TokenUseOutcome refusalFor(TokenState state) {
    return switch (state) {
      case ACTIVE -> null;
      case CONSUMED -> new TokenUseOutcome.Refused(TokenUseOutcome.Reason.CONSUMED);
      case EXPIRED -> new TokenUseOutcome.Refused(TokenUseOutcome.Reason.EXPIRED);
      case REVOKED -> new TokenUseOutcome.Refused(TokenUseOutcome.Reason.REVOKED);
    };
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

  public boolean singleUse() {
    return singleUse;
  }

  /** How the user verified, as RFC 8176 {@code amr} values (see {@link VerificationMethod#amr}). */
  public List<String> amr() {
    return method.map(VerificationMethod::amr).orElse(BACKEND_AMR);
  }

  /** The authentication context class the verification reached. */
  public Acr acr() {
    return Acr.of(method);
  }

  /**
   * When the user last actively authenticated for this token: a token is issued the moment a
   * verification succeeds (or a host backend vouches), so that is its issue time.
   */
  public Instant authTime() {
    return issuedAt;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> consumedAt() {
    return Optional.ofNullable(consumedAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }
}
