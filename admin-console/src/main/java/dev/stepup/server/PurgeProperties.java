package dev.stepup.server;

import dev.stepup.domain.retention.RetentionPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code stepup.purge.*}: how long dead rows are kept and how they are deleted.
 *
 * @param enabled whether this node runs the scheduled purge (one node at a time does, by lease)
 * @param interval time between runs; the first run comes one interval after start
 * @param retention how long expired or spent tokens, challenges, codes, ended sessions and tallies
 *     are kept after their end (at least 1 hour)
 * @param deliveryRetention how long sent and dead-lettered messages are kept after they finished
 * @param outboxRetention how long development outbox copies are kept
 * @param auditRetention how long audit events are kept (at least 1 day)
 * @param batchSize rows deleted per statement (each its own short transaction)
 * @param lease how long a run may go without renewing its lease before another node takes over
 */
@ConfigurationProperties("stepup.purge")
public record PurgeProperties(
    Boolean enabled,
    Duration interval,
    Duration retention,
    Duration deliveryRetention,
    Duration outboxRetention,
    Duration auditRetention,
    Integer batchSize,
    Duration lease) {

  public PurgeProperties {
    RetentionPolicy defaults = RetentionPolicy.DEFAULT;
    enabled = enabled == null || enabled;
    interval = interval == null ? Duration.ofHours(1) : interval;
    retention = retention == null ? defaults.afterEnd() : retention;
    deliveryRetention = deliveryRetention == null ? defaults.deliveries() : deliveryRetention;
    outboxRetention = outboxRetention == null ? defaults.outbox() : outboxRetention;
    auditRetention = auditRetention == null ? defaults.audit() : auditRetention;
    batchSize = batchSize == null ? 500 : batchSize;
    lease = lease == null ? Duration.ofMinutes(5) : lease;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("stepup.purge.interval must be positive");
    }
  }

  /** The domain's rule; refuses (at start-up) a retention short enough to reset a limit. */
  public RetentionPolicy policy() {
    return new RetentionPolicy(retention, deliveryRetention, outboxRetention, auditRetention);
  }
}
