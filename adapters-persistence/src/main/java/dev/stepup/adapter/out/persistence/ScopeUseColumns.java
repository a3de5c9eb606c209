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
 * How a token's single-use scopes and their spends are kept in its own row (V28), compactly: no
 * column for a token single-use as a whole or multi-use, one character when every scope is
 * single-use, and a short {@code " scope@millis"} entry per spent scope.
 */
final class ScopeUseColumns {

  /** Every scope of the token is single-use, each spent on its own. */
  static final String EVERY_SCOPE = "*";

  private ScopeUseColumns() {}

  /** The {@code single_use_scopes} of a token: null when a use spends it whole or nothing. */
  static String singleUse(ElevatedToken token) {
    ScopeUses uses = token.uses();
    if (uses.together() || uses.singleUse().isEmpty()) {
      return null;
    }
    return uses.singleUse().equals(token.scopes()) ? EVERY_SCOPE : Scope.joinWire(uses.singleUse());
  }

  /** The {@code spent_scopes} of a token as it is added (tests add spent tokens). */
  static String spent(ElevatedToken token) {
    if (token.uses().together() || token.uses().spent().isEmpty()) {
      return null;
    }
    StringBuilder entries = new StringBuilder();
    token.uses().spent().forEach((scope, at) -> entries.append(entry(scope, at)));
    return entries.toString();
  }

  static int spentCount(ElevatedToken token) {
    return token.uses().together() ? 0 : token.uses().spent().size();
  }

  /** What a spend appends to {@code spent_scopes}. */
  static String entry(Scope scope, Instant at) {
    return entryPrefix(scope) + at.toEpochMilli();
  }

  /** How an entry of {@code scope} begins: no other scope's entry contains it. */
  static String entryPrefix(Scope scope) {
    return " " + scope.wire() + "@";
  }

  /**
   * How many spends use the token up: its number of scopes when all are single-use, else never (a
   * multi-use scope stays usable until the token expires).
   */
  static int spendsToUseUp(ElevatedToken token) {
    return token.uses().singleUse().equals(token.scopes())
        ? token.scopes().size()
        : Integer.MAX_VALUE;
  }

  /** Reads the columns back; a row without {@code single_use_scopes} keeps its whole-token rule. */
  static ScopeUses uses(
      Set<Scope> scopes,
      boolean singleUse,
      String singleUseScopes,
      String spentScopes,
      Instant consumedAt) {
    if (singleUseScopes == null) {
      return ScopeUses.wholeToken(scopes, singleUse, consumedAt);
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
    if (spentScopes != null) {
      for (String entry : spentScopes.trim().split(" ")) {
        int at = entry.lastIndexOf('@');
        if (at > 0) {
          Instant when = Instant.ofEpochMilli(Long.parseLong(entry.substring(at + 1)));
          Scope.fromWire(entry.substring(0, at))
              .filter(single::contains)
              .ifPresent(scope -> spent.putIfAbsent(scope, when));
        }
      }
    }
    return ScopeUses.perScope(single, spent);
  }
}
