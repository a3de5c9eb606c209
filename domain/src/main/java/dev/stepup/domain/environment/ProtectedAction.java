package dev.stepup.domain.environment;

import dev.stepup.domain.scope.Scope;
import java.util.Objects;

/**
 * The admin's rule for one scope: whether step-up is off, monitored or enforced for it, and how its
 * tokens may be used.
 */
public record ProtectedAction(Scope scope, Enforcement enforcement, TokenUse tokenUse) {
  public ProtectedAction {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(enforcement, "enforcement");
    Objects.requireNonNull(tokenUse, "tokenUse");
  }

  /** The rule as it was before monitor mode: protected means enforced, else off. */
  public ProtectedAction(Scope scope, boolean isProtected, TokenUse tokenUse) {
    this(scope, isProtected ? Enforcement.ENFORCE : Enforcement.OFF, tokenUse);
  }

  /** The rule a new environment starts with: enforced, multi-use for signing, else single-use. */
  public static ProtectedAction byDefault(Scope scope) {
    return new ProtectedAction(
        scope, true, scope == Scope.WALLET_SIGN ? TokenUse.MULTI : TokenUse.SINGLE);
  }

  /** Whether the scope's actions need an elevated token: only when enforced, never in monitor. */
  public boolean isProtected() {
    return enforcement == Enforcement.ENFORCE;
  }

  /** Whether what would need step-up is only counted, not required. */
  public boolean isMonitored() {
    return enforcement == Enforcement.MONITOR;
  }

  public ProtectedAction withEnforcement(Enforcement changed) {
    return new ProtectedAction(scope, changed, tokenUse);
  }
}
