package dev.stepup.domain.version;

/** A use of action-based MFA (the API before version 2026_04_01), as the console counts it. */
public enum LegacyMfaUse {
  /** "is MFA required for this action?" */
  CHECK,
  /** a verification with the old "create an MFA token" flag, which issued a legacy MFA token */
  TOKEN_ISSUED,
  /** a protected action accepted a legacy MFA token */
  TOKEN_USED;

  /**
   * The console counts uses of the last this many days (today included); a use is needed no longer,
   * and may be purged after the retention, once its day left that count.
   */
  public static final int COUNTED_DAYS = 30;
}
