package dev.stepup.domain.otp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The life of one emailed or texted code, whatever it is for (step-up, sign-in, proving an
 * address): issued, valid for {@link OtpChallenge#LIFETIME}, dead after {@link
 * OtpChallenge#MAX_ATTEMPTS} wrong entries, accepted at most once.
 */
final class CodeEntries {

  private final Instant issuedAt;
  private final Instant expiresAt;
  private int failedAttempts;
  private Instant usedAt;

  CodeEntries(Instant issuedAt, Instant expiresAt, int failedAttempts, Optional<Instant> usedAt) {
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (failedAttempts < 0 || failedAttempts > OtpChallenge.MAX_ATTEMPTS) {
      throw new IllegalArgumentException("failedAttempts out of range: " + failedAttempts);
    }
    this.failedAttempts = failedAttempts;
    this.usedAt = Objects.requireNonNull(usedAt, "usedAt").orElse(null);
  }

  /** A code issued now. */
  static CodeEntries issued(Instant now) {
    return new CodeEntries(now, now.plus(OtpChallenge.LIFETIME), 0, Optional.empty());
  }

  /**
   * Judges one entry by {@link OtpOutcome#judge}; the caller persists the transition with a
   * conditional update so a code is accepted at most once.
   */
  OtpOutcome verify(boolean codeMatches, Instant now) {
    OtpOutcome outcome =
        OtpOutcome.judge(usedAt != null, expiresAt, failedAttempts, codeMatches, now);
    if (outcome == OtpOutcome.ACCEPTED) {
      usedAt = now;
    } else if (outcome == OtpOutcome.WRONG_CODE) {
      failedAttempts++;
    }
    return outcome;
  }

  int attemptsLeft() {
    return OtpChallenge.MAX_ATTEMPTS - failedAttempts;
  }

  Instant issuedAt() {
    return issuedAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  int failedAttempts() {
    return failedAttempts;
  }

  Optional<Instant> usedAt() {
    return Optional.ofNullable(usedAt);
  }
}
