package dev.stepup.domain.otp;

/** The result of entering a one-time code. */
public enum OtpOutcome {
  ACCEPTED,
  WRONG_CODE,
  EXPIRED,
  /** The code already took {@link OtpChallenge#MAX_ATTEMPTS} wrong entries. */
  TOO_MANY_ATTEMPTS,
  /** The code was accepted before; a code works once. */
  ALREADY_USED
}
