package dev.stepup.domain.otp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How often codes may be sent to one session: not twice within {@link #RESEND_INTERVAL}, and at
 * most {@link #MAX_SENDS_PER_HOUR} an hour, so nobody can flood a mailbox or run up SMS costs.
 */
public final class OtpSendPolicy {

  public static final Duration RESEND_INTERVAL = Duration.ofSeconds(30);
  public static final int MAX_SENDS_PER_HOUR = 5;
  public static final Duration WINDOW = Duration.ofHours(1);

  /** Whether a code may be sent now, or how long to wait. */
  public sealed interface Decision {
    /** A code may be sent now. */
    record Allowed() implements Decision {}

    /** No code now: the session may ask again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Decision {
      public Throttled {
        Objects.requireNonNull(retryAfter, "retryAfter");
      }
    }
  }

  /**
   * Decides from the sends themselves: only those inside the last {@link #WINDOW} count (a send
   * exactly one window ago has left it, so the wait is exact).
   *
   * @param sentSince when codes were sent, at least those within the last window
   */
  public Decision decide(Optional<Instant> lastSentAt, List<Instant> sentSince, Instant now) {
    Instant windowStart = now.minus(WINDOW);
    List<Instant> recent = sentSince.stream().filter(t -> t.isAfter(windowStart)).toList();
    return decide(lastSentAt, recent.stream().findFirst(), recent.size(), now);
  }

  /** Whether a send now would come within {@link #RESEND_INTERVAL} of the last one. */
  public static boolean tooSoonAfter(Optional<Instant> lastSentAt, Instant now) {
    return lastSentAt.filter(t -> now.isBefore(t.plus(RESEND_INTERVAL))).isPresent();
  }

  /**
   * @param lastSentAt when the session's latest code was sent, if any
   * @param oldestSendInWindow the earliest send within the last {@link #WINDOW}, if any
   * @param sendsInWindow how many codes the session was sent within the last {@link #WINDOW}
   */
  public Decision decide(
      Optional<Instant> lastSentAt,
      Optional<Instant> oldestSendInWindow,
      int sendsInWindow,
      Instant now) {
    if (lastSentAt.isPresent()) {
      Instant nextAllowed = lastSentAt.get().plus(RESEND_INTERVAL);
      if (now.isBefore(nextAllowed)) {
        return new Decision.Throttled(Duration.between(now, nextAllowed));
      }
    }
    if (sendsInWindow >= MAX_SENDS_PER_HOUR) {
      Instant windowFrees = oldestSendInWindow.orElse(now).plus(WINDOW);
      Duration wait = Duration.between(now, windowFrees);
      return new Decision.Throttled(wait.isNegative() ? Duration.ofSeconds(1) : wait);
    }
    return new Decision.Allowed();
  }
}
