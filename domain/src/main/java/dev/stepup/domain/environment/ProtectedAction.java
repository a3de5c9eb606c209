package dev.stepup.domain.environment;

import dev.stepup.domain.scope.InvalidScopeException;
import dev.stepup.domain.scope.Scope;
import java.time.Duration;
import java.util.Objects;

/**
 * The admin's rule for one scope: whether step-up is off, monitored or enforced for it, how its
 * tokens may be used and how long they live (whole minutes, 1 to 15).
 */
public record ProtectedAction(
    Scope scope, Enforcement enforcement, TokenUse tokenUse, Duration lifetime) {

  public static final Duration SHORTEST = Duration.ofMinutes(1);
  public static final Duration LONGEST = Duration.ofMinutes(15);

  public ProtectedAction {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(enforcement, "enforcement");
    Objects.requireNonNull(tokenUse, "tokenUse");
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.compareTo(SHORTEST) < 0
        || lifetime.compareTo(LONGEST) > 0
        || lifetime.toSeconds() % 60 != 0) {
      throw new InvalidScopeException(
          "A token's lifetime is a whole number of minutes from 1 to 15 (asked: "
              + lifetime.toSeconds()
              + " seconds).");
    }
  }

  /** The rule with the lifetime its token use has by default (single 5, multi 10 minutes). */
  public ProtectedAction(Scope scope, Enforcement enforcement, TokenUse tokenUse) {
    this(scope, enforcement, tokenUse, tokenUse == null ? null : tokenUse.lifetime());
  }

  /** The rule as it was before monitor mode: protected means enforced, else off. */
  public ProtectedAction(Scope scope, boolean isProtected, TokenUse tokenUse) {
    this(scope, isProtected ? Enforcement.ENFORCE : Enforcement.OFF, tokenUse);
  }

  /** The rule a new environment starts with: enforced, multi-use for signing, else single-use. */
  public static ProtectedAction byDefault(Scope scope) {
    return new ProtectedAction(
        scope, true, scope.equals(Scope.WALLET_SIGN) ? TokenUse.MULTI : TokenUse.SINGLE);
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
    return new ProtectedAction(scope, changed, tokenUse, lifetime);
  }

  /** This rule with tokens living {@code changed} (validated like any lifetime). */
  public ProtectedAction withLifetime(Duration changed) {
    return new ProtectedAction(scope, enforcement, tokenUse, changed);
  }
}
