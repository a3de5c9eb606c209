package dev.stepup.domain.prompt;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A short-lived, single-use bearer secret, known only by its digest: a prompt's launch ticket or
 * its result code. It is good until it expires or is used once, whichever comes first.
 */
public record OneTimeSecret(String digest, Instant expiresAt, Optional<Instant> usedAt) {

  /** How long a launch ticket lives: long enough to open the page, too short to be kept. */
  public static final Duration LAUNCH_TICKET_LIFETIME = Duration.ofMinutes(2);

  /** How long a result code lives: the host backend exchanges it as the browser lands. */
  public static final Duration RESULT_CODE_LIFETIME = Duration.ofSeconds(60);

  /** Whether it can be used, and if not, why. */
  public enum Verdict {
    GOOD,
    EXPIRED,
    USED
  }

  public OneTimeSecret {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(usedAt, "usedAt");
    if (digest.isBlank()) {
      throw new IllegalArgumentException("a one-time secret needs its digest");
    }
  }

  public static OneTimeSecret issue(String digest, Instant now, Duration lifetime) {
    return new OneTimeSecret(digest, now.plus(lifetime), Optional.empty());
  }

  /** A used secret stays used, even after it would have expired. */
  public Verdict verdict(Instant now) {
    if (usedAt.isPresent()) {
      return Verdict.USED;
    }
    return now.isBefore(expiresAt) ? Verdict.GOOD : Verdict.EXPIRED;
  }

  /**
   * Spends it at {@code now}.
   *
   * @throws IllegalStateException when it is expired or already used
   */
  public OneTimeSecret use(Instant now) {
    Verdict verdict = verdict(now);
    if (verdict != Verdict.GOOD) {
      throw new IllegalStateException("a one-time secret that is " + verdict + " cannot be used");
    }
    return new OneTimeSecret(digest, expiresAt, Optional.of(now));
  }

  @Override
  public String toString() {
    return "OneTimeSecret[expiresAt=" + expiresAt + ", usedAt=" + usedAt + "]";
  }
}
