package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.hosted.DeferredActions.PendingAction;
import dev.stepup.domain.scope.Scope;

/**
 * An account change the user asked for on the account page that may wait for step-up, with the
 * fields it needs and the scope its token must carry.
 */
sealed interface AccountChange extends PendingAction {

  @Override
  default Scope scope() {
    return Scope.CREDENTIAL_LINK;
  }

  record EnrolTotp(String alias) implements AccountChange {}

  record RegisterPasskey(String alias) implements AccountChange {}

  record RegenerateRecoveryCodes() implements AccountChange {}

  record LinkContact(String format, String value) implements AccountChange {
    @Override
    public String toString() {
      return "LinkContact[format=" + format + "]";
    }
  }

  record LinkWallet(String challengeId, String signature) implements AccountChange {
    @Override
    public String toString() {
      return "LinkWallet[challengeId=" + challengeId + "]";
    }
  }

  record LinkSocial(String provider, String loginId) implements AccountChange {
    @Override
    public String toString() {
      return "LinkSocial[provider=" + provider + "]";
    }
  }

  record ChooseDefault(String credentialId) implements AccountChange {}

  record Unlink(String credentialId) implements AccountChange {
    @Override
    public Scope scope() {
      return Scope.CREDENTIAL_UNLINK;
    }
  }
}
