package dev.stepup.domain.environment;

import dev.stepup.domain.scope.Scope;
import java.util.Objects;

/** The admin's rule for one scope: whether it needs step-up, and how its tokens may be used. */
public record ProtectedAction(Scope scope, boolean isProtected, TokenUse tokenUse) {
  public ProtectedAction {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(tokenUse, "tokenUse");
  }

  /** The rule a new environment starts with: protected, multi-use for signing, else single-use. */
  public static ProtectedAction byDefault(Scope scope) {
    return new ProtectedAction(
        scope, true, scope == Scope.WALLET_SIGN ? TokenUse.MULTI : TokenUse.SINGLE);
  }
}
