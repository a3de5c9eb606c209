package dev.stepup.domain.policy;

import java.util.Objects;

/** Whether a user may verify with a method or credential, and if not, why not. */
public sealed interface VerificationPermission {

  /** The verification may go ahead. */
  record Permitted() implements VerificationPermission {}

  /** The verification is refused before any secret is checked. */
  record Refused(Reason reason) implements VerificationPermission {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a verification is refused. */
  enum Reason {
    /** The environment has this verification method turned off. */
    METHOD_DISABLED,
    /** The user has MFA, so re-authentication cannot stand in for it. */
    MFA_REQUIRED,
    /** The user has no credential this method could verify. */
    NO_ELIGIBLE_CREDENTIAL,
    /** The server holds an embedded wallet's key, so its signature proves nothing. */
    EMBEDDED_WALLET_NOT_SUPPORTED,
    /** The credential cannot be used for this (e.g. an email address not enabled for sign-in). */
    CREDENTIAL_NOT_ELIGIBLE
  }
}
