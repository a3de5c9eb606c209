package dev.stepup.domain.version;

import dev.stepup.domain.scope.Scope;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The actions of action-based MFA (before API version 2026_04_01) and the scope each became: a
 * legacy client asks "is MFA required for this action?" and the answer is the scope's.
 */
public enum LegacyMfaAction {
  WALLET_WAAS_EXPORT("WalletWaasExport", Scope.WALLET_EXPORT),
  WALLET_WAAS_SIGN("WalletWaasSign", Scope.WALLET_SIGN),
  WALLET_WAAS_REFRESH("WalletWaasRefresh", Scope.WALLET_REFRESH),
  WALLET_WAAS_RESHARE("WalletWaasReshare", Scope.WALLET_RESHARE);

  private final String wire;
  private final Scope scope;

  LegacyMfaAction(String wire, Scope scope) {
    this.wire = wire;
    this.scope = scope;
  }

  public String wire() {
    return wire;
  }

  /** The scope that protects what this action protected. */
  public Scope scope() {
    return scope;
  }

  /**
   * The action a legacy client names, in either spelling it used: {@code WalletWaasExport} or
   * {@code wallet_waas_export}.
   */
  public static Optional<LegacyMfaAction> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String folded = name.strip().replace("_", "").toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(a -> a.wire.toLowerCase(Locale.ROOT).equals(folded))
        .findFirst();
  }

  /**
   * What a legacy MFA token grants: it was unscoped, accepted for any of these actions, so it maps
   * to every scope an action maps to.
   */
  public static Set<Scope> legacyTokenScopes() {
    Set<Scope> scopes = new TreeSet<>();
    for (LegacyMfaAction action : values()) {
      scopes.add(action.scope);
    }
    return scopes;
  }
}
