package dev.stepup.domain.otp;

import java.time.Instant;

/** The result of entering a one-time code. */
public enum OtpOutcome {
  ACCEPTED,
  WRONG_CODE,
  EXPIRED,
  /** The code already took {@link OtpChallenge#MAX_ATTEMPTS} wrong entries. */
  TOO_MANY_ATTEMPTS,
  /** The code was accepted before and this entry is not it; a code works once. */
  ALREADY_USED,
  /**
   * The code was accepted before and is entered again: someone replays it. Answered exactly like a
   * wrong code (so the answer never confirms a guess), but recorded and told to the user.
   */
  REPLAYED;

  /** Whether the answer must be that of a wrong code, counted as a failure. */
  public boolean answersAsWrongCode() {
    return this == WRONG_CODE || this == ALREADY_USED || this == REPLAYED;
  }

  /**
   * The rule every emailed or texted code follows: used once, before it expires, and dead after
   * {@link OtpChallenge#MAX_ATTEMPTS} wrong entries.
   */
  static OtpOutcome judge(
      boolean used, Instant expiresAt, int failedAttempts, boolean codeMatches, Instant now) {
    if (used) {
      return codeMatches ? REPLAYED : ALREADY_USED;
    }
    if (!now.isBefore(expiresAt)) {
      return EXPIRED;
    }
    if (failedAttempts >= OtpChallenge.MAX_ATTEMPTS) {
      return TOO_MANY_ATTEMPTS;
    }
    return codeMatches ? ACCEPTED : WRONG_CODE;
  }
}
