package dev.stepup.domain.retention;

/**
 * The kinds of rows whose life ends and which are then kept only for a retention: short-lived state
 * (codes, challenges, tokens, sessions, tallies), sent messages, and the audit trail. Users,
 * credentials, keys and settings are never dead data.
 */
public enum DeadData {
  /** Elevated tokens past expiry; consumed or revoked tokens are kept until they expire too. */
  ELEVATED_TOKENS(Kept.AFTER_END),
  OTP_CHALLENGES(Kept.AFTER_END),
  WALLET_CHALLENGES(Kept.AFTER_END),
  PASSKEY_CHALLENGES(Kept.AFTER_END),
  SOCIAL_LOGINS(Kept.AFTER_END),
  SIGN_IN_CODES(Kept.AFTER_END),
  CONTACT_PROOFS(Kept.AFTER_END),
  CODE_SEND_GATES(Kept.AFTER_END),
  /** Sessions ended (signed out, revoked) or past their absolute lifetime. */
  SESSIONS(Kept.AFTER_END),
  /** Per-method failure counts whose window and lock are over. */
  FAILURE_TALLIES(Kept.AFTER_END),
  /** Console sign-in failure counts whose window and lock are over. */
  SIGN_IN_TALLIES(Kept.AFTER_END),
  /** Sent or dead-lettered messages (their content is already erased). */
  DELIVERIES(Kept.DELIVERY),
  /** The development outbox (message copies shown in the console). */
  OUTBOX_MESSAGES(Kept.OUTBOX),
  AUDIT_EVENTS(Kept.AUDIT),
  /**
   * Audit records still waiting to be sealed, kept as long as sealed ones: they wait that long only
   * when no node seals.
   */
  AUDIT_PENDING(Kept.AUDIT),
  /** Host prompts past their lifetime (finished, or never finished). */
  PROMPTS(Kept.AFTER_END),
  /**
   * Uses of action-based MFA once they left the console's count of the last {@link
   * dev.stepup.domain.version.LegacyMfaUse#COUNTED_DAYS} days (their end), kept like short-lived
   * state after that.
   */
  LEGACY_MFA_USES(Kept.AFTER_END),
  /**
   * HTTP sessions (console and hosted pages) past their idle timeout: gone at once, since nothing
   * reads them after and they hold sealed step-up state.
   */
  HTTP_SESSIONS(Kept.NONE);

  /** Which retention setting applies. */
  public enum Kept {
    AFTER_END,
    DELIVERY,
    OUTBOX,
    AUDIT,
    /** Not kept after its end. */
    NONE
  }

  private final Kept kept;

  DeadData(Kept kept) {
    this.kept = kept;
  }

  public Kept kept() {
    return kept;
  }
}
