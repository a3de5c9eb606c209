package dev.stepup.domain.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long rows are kept after their life ended, and so which rows a purge may delete: those whose
 * end lies before {@link #cutoff}.
 *
 * @param afterEnd expired or spent codes, challenges, tokens, ended sessions and tallies
 * @param deliveries sent and dead-lettered messages, from when they finished
 * @param outbox development outbox messages
 * @param audit audit events
 */
public record RetentionPolicy(
    Duration afterEnd, Duration deliveries, Duration outbox, Duration audit) {

  /**
   * The shortest retention of short-lived state: send limits count the codes issued in the last
   * hour and failure tallies span 15 minutes plus a 15-minute lock, so deleting sooner would reset
   * a limit an attacker is running into.
   */
  public static final Duration MINIMUM = Duration.ofHours(1);

  /** The shortest audit retention: a day of failed attempts always stays visible. */
  public static final Duration MINIMUM_AUDIT = Duration.ofDays(1);

  public static final RetentionPolicy DEFAULT =
      new RetentionPolicy(
          Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(400));

  public RetentionPolicy {
    atLeast("retention", afterEnd, MINIMUM);
    atLeast("delivery retention", deliveries, MINIMUM);
    atLeast("outbox retention", outbox, MINIMUM);
    atLeast("audit retention", audit, MINIMUM_AUDIT);
  }

  /** Rows of this kind whose life ended before the answer are dead and may be deleted. */
  public Instant cutoff(DeadData data, Instant now) {
    Objects.requireNonNull(now, "now");
    return now.minus(retention(data.kept()));
  }

  private Duration retention(DeadData.Kept kept) {
    switch (kept) {
      case DELIVERY:
        return deliveries;
      case OUTBOX:
        return outbox;
      case AUDIT:
        return audit;
      case NONE:
        return Duration.ZERO;
      default:
        return afterEnd;
    }
  }

  private static void atLeast(String name, Duration value, Duration minimum) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
    }
  }
}
