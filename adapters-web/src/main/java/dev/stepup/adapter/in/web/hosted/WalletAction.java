package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.hosted.DeferredActions.PendingAction;
import dev.stepup.domain.scope.Scope;

/**
 * A protected action on the demo wallet (export, sign, refresh, reshare) that may wait for step-up.
 */
record WalletAction(Scope scope, String walletId, String message) implements PendingAction {
  @Override
  public String toString() {
    return "WalletAction[scope=" + scope + ", walletId=" + walletId + "]";
  }
}
