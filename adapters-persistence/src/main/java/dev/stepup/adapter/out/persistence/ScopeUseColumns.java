package dev.stepup.adapter.out.persistence;

import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ScopeUses;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How a token's single-use scopes are kept in its row (V28), compactly: no column for a token
 * single-use as a whole or multi-use, one character when every scope is single-use. Its spends are
 * rows of {@code token_spends} (V32): one per spent scope, or one {@link #WHOLE} row for a token
 * whose scopes are spent together.
 */
final class ScopeUseColumns {

  /** Every scope of the token is single-use, each spent on its own. */
  static final String EVERY_SCOPE = "*";

  /** The spend row of a token spent whole (no scope name holds this character). */
  static final String WHOLE = "*";

  private ScopeUseColumns() {}

  /** The {@code single_use_scopes} of a token: null when a use spends it whole or nothing. */
  static String singleUse(ElevatedToken token) {
    ScopeUses uses = token.uses();
    if (uses.together() || uses.singleUse().isEmpty()) {
      return null;
    }
    return uses.singleUse().equals(token.scopes()) ? EVERY_SCOPE : Scope.joinWire(uses.singleUse());
  }

  /** The spend row a use of {@code scope} writes. */
  static String spendOf(ElevatedToken token, Scope scope) {
    return token.uses().together() ? WHOLE : scope.wire();
  }

  /** The spend rows of a token as it is added (tests add spent tokens). */
  static Map<String, Instant> spends(ElevatedToken token) {
    Map<String, Instant> spends = new LinkedHashMap<>();
    token.uses().spent().forEach((scope, at) -> spends.putIfAbsent(spendOf(token, scope), at));
    return spends;
  }

  /**
   * How many spend rows use the token up: one for a token spent whole, its number of scopes when
   * each is single-use on its own; null (never) when a scope is multi-use.
   */
  static Integer spendsToUseUp(ElevatedToken token) {
    ScopeUses uses = token.uses();
    if (uses.together()) {
      return 1;
    }
    return uses.singleUse().equals(token.scopes()) ? token.scopes().size() : null;
  }

  /** Reads a token's uses back; a row without {@code single_use_scopes} keeps its whole rule. */
  static ScopeUses uses(
      Set<Scope> scopes, boolean singleUse, String singleUseScopes, Map<String, Instant> spends) {
    if (singleUseScopes == null) {
      return ScopeUses.wholeToken(scopes, singleUse, singleUse ? spends.get(WHOLE) : null);
    }
    Set<Scope> single = new LinkedHashSet<>();
    if (EVERY_SCOPE.equals(singleUseScopes)) {
      single.addAll(scopes);
    } else {
      for (String wire : singleUseScopes.split(" ")) {
        Scope.fromWire(wire).filter(scopes::contains).ifPresent(single::add);
      }
    }
    Map<Scope, Instant> spent = new LinkedHashMap<>();
    spends.forEach(
        (wire, at) ->
            Scope.fromWire(wire).filter(single::contains).ifPresent(s -> spent.put(s, at)));
    return ScopeUses.perScope(single, spent);
  }
}
