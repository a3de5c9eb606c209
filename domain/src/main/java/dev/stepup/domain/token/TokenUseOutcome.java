package dev.stepup.domain.token;

/** What happened when a protected action presented an elevated token. */
public sealed interface TokenUseOutcome {

  /** The action may proceed; {@code consumed} tells whether this use spent a single-use token. */
  record Accepted(boolean consumed) implements TokenUseOutcome {}

  /** The action must not proceed. */
  record Refused(Reason reason) implements TokenUseOutcome {}

  /** Why a token was refused, in the order they are checked. */
  enum Reason {
    /** Issued in another environment. */
    WRONG_ENVIRONMENT,
    /** Issued for another session or user than the one acting. */
    WRONG_SUBJECT,
    REVOKED,
    CONSUMED,
    EXPIRED,
    /** Valid, but not for this scope. */
    SCOPE_NOT_GRANTED
  }
}
