package dev.stepup.domain.token;

import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which scopes of a token are single-use, fixed when it is issued, and which of those were spent,
 * when. Each single-use scope is spent on its own: spending one leaves the others usable. Tokens
 * issued before that rule (and legacy MFA tokens, which the migration guide makes good for one
 * action) are single-use as a whole: spending any scope spends them all ({@link #together()}).
 */
public final class ScopeUses {

  private static final ScopeUses NONE = new ScopeUses(Set.of(), Map.of(), false);

  private final Set<Scope> singleUse;
  private final Map<Scope, Instant> spent;
  private final boolean together;

  /**
   * @param singleUse the scopes a use spends
   * @param spent when each spent scope was spent; every one of them is single-use
   * @param together whether one use spends every single-use scope at once
   */
  public ScopeUses(Set<Scope> singleUse, Map<Scope, Instant> spent, boolean together) {
    Objects.requireNonNull(singleUse, "singleUse");
    Objects.requireNonNull(spent, "spent");
    for (Scope scope : spent.keySet()) {
      if (!singleUse.contains(scope)) {
        throw new IllegalArgumentException("only a single-use scope can be spent: " + scope);
      }
    }
    if (together && !spent.isEmpty() && !spent.keySet().containsAll(singleUse)) {
      throw new IllegalArgumentException("scopes spent together are all spent or none");
    }
    this.singleUse = Collections.unmodifiableSet(new LinkedHashSet<>(singleUse));
    this.spent = Collections.unmodifiableMap(new LinkedHashMap<>(spent));
    this.together = together;
  }

  /** Each of {@code singleUse} spent on its own; {@code spent} says which were, when. */
  public static ScopeUses perScope(Set<Scope> singleUse, Map<Scope, Instant> spent) {
    return new ScopeUses(singleUse, spent, false);
  }

  /** How a new token's scopes are used under the environment's settings: each scope on its own. */
  public static ScopeUses issuedUnder(StepUpSettings settings, Set<Scope> scopes) {
    Set<Scope> singleUse = new LinkedHashSet<>();
    for (Scope scope : scopes) {
      if (settings.action(scope).tokenUse() == TokenUse.SINGLE) {
        singleUse.add(scope);
      }
    }
    return perScope(singleUse, Map.of());
  }

  /** A multi-use token: no scope is ever spent. */
  public static ScopeUses none() {
    return NONE;
  }

  /**
   * Every scope single-use, all spent at {@code consumedAt} when it is given: how a token stored
   * before spending was per scope reads (it was single-use or not as a whole).
   */
  public static ScopeUses wholeToken(Set<Scope> scopes, boolean singleUse, Instant consumedAt) {
    if (!singleUse) {
      if (consumedAt != null) {
        throw new IllegalArgumentException("only a single-use token can be consumed");
      }
      return NONE;
    }
    Map<Scope, Instant> spent = new LinkedHashMap<>();
    if (consumedAt != null) {
      scopes.forEach(s -> spent.put(s, consumedAt));
    }
    return new ScopeUses(scopes, spent, true);
  }

  /** Whether one use spends every single-use scope at once (the rule before per-scope use). */
  public boolean together() {
    return together;
  }

  public boolean isSingleUse(Scope scope) {
    return singleUse.contains(scope);
  }

  public boolean isSpent(Scope scope) {
    return spent.containsKey(scope);
  }

  public Optional<Instant> spentAt(Scope scope) {
    return Optional.ofNullable(spent.get(scope));
  }

  /** The single-use scopes, spent or not. */
  public Set<Scope> singleUse() {
    return singleUse;
  }

  /** The spent scopes and when each was spent. */
  public Map<Scope, Instant> spent() {
    return spent;
  }

  /** What a use answers, and these uses after it. */
  record Spend(TokenUseOutcome outcome, ScopeUses after) {}

  /**
   * A use of a token carrying {@code scopes}, whose life the caller found active, for {@code
   * scope}: a single-use scope is spent once (refused {@code CONSUMED} after), a multi-use scope is
   * used freely. Without a scope the use is for the only single-use scope, if any; with several it
   * is refused ({@code SCOPE_REQUIRED}) rather than spent by a guess.
   */
  Spend use(Set<Scope> scopes, Optional<Scope> scope, Instant at) {
    if (scope.isPresent() && !scopes.contains(scope.get())) {
      return refused(TokenUseOutcome.Reason.SCOPE_NOT_GRANTED);
    }
    if (scope.isEmpty() && singleUse.size() > 1 && !together) {
      return refused(TokenUseOutcome.Reason.SCOPE_REQUIRED);
    }
    Optional<Scope> used = scope.or(() -> singleUse.stream().findFirst());
    if (used.isPresent() && isSpent(used.get())) {
      return refused(TokenUseOutcome.Reason.CONSUMED);
    }
    if (used.isEmpty() || !isSingleUse(used.get())) {
      return new Spend(new TokenUseOutcome.Accepted(Optional.empty()), this);
    }
    return new Spend(new TokenUseOutcome.Accepted(used), spend(used.get(), at));
  }

  private Spend refused(TokenUseOutcome.Reason reason) {
    return new Spend(new TokenUseOutcome.Refused(reason), this);
  }

  /**
   * These uses with {@code scope} spent at {@code at} (with every single-use scope when they are
   * spent together); the scope must be single-use and unspent.
   */
  ScopeUses spend(Scope scope, Instant at) {
    if (!isSingleUse(scope) || isSpent(scope)) {
      throw new IllegalStateException(scope + " is not a single-use scope left to spend");
    }
    Map<Scope, Instant> more = new LinkedHashMap<>(spent);
    if (together) {
      singleUse.forEach(s -> more.put(s, at));
    } else {
      more.put(scope, at);
    }
    return new ScopeUses(singleUse, more, together);
  }

  /**
   * When a token carrying {@code scopes} was used up: only when every one of them is single-use and
   * spent, at the last spend. A token with a multi-use scope is never used up.
   */
  Optional<Instant> usedUpAt(Set<Scope> scopes) {
    if (!spent.keySet().containsAll(scopes)) {
      return Optional.empty();
    }
    return spent.values().stream().max(Instant::compareTo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScopeUses other
        && singleUse.equals(other.singleUse)
        && spent.equals(other.spent)
        && together == other.together;
  }

  @Override
  public int hashCode() {
    return Objects.hash(singleUse, spent, together);
  }

  @Override
  public String toString() {
    return "ScopeUses[singleUse=" + singleUse + ", spent=" + spent + ", together=" + together + "]";
  }
}
