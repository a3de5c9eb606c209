package dev.stepup.domain.otp;

import java.time.Instant;

/** The result of entering a one-time code. */
public enum OtpOutcome {
  ACCEPTED,
  WRONG_CODE,
  EXPIRED,
  /** The code already took {@link OtpChallenge#MAX_ATTEMPTS} wrong entries. */
  TOO_MANY_ATTEMPTS,
  /** The code was accepted before; a code works once. */
  ALREADY_USED;

  /**
   * The rule every emailed or texted code follows: used once, before it expires, and dead after
   * {@link OtpChallenge#MAX_ATTEMPTS} wrong entries.
   */
  static OtpOutcome judge(
      boolean used, Instant expiresAt, int failedAttempts, boolean codeMatches, Instant now) {
    if (used) {
      return ALREADY_USED;
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
