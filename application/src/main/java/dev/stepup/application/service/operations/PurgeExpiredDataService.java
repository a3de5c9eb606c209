package dev.stepup.application.service.operations;

import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase;
import dev.stepup.application.port.out.retention.DeadRows;
import dev.stepup.application.port.out.retention.JobLeases;
import dev.stepup.domain.retention.DeadData;
import dev.stepup.domain.retention.RetentionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes dead rows kind by kind in small batches, so no statement holds locks for long, while
 * holding the purge lease, renewed before every batch; a node that loses the lease stops.
 */
public final class PurgeExpiredDataService implements PurgeExpiredDataUseCase {

  /** The lease's name in {@link JobLeases}. */
  public static final String JOB = "purge";

  private final DeadRows rows;
  private final JobLeases leases;
  private final RetentionPolicy policy;
  private final int batchSize;
  private final Duration lease;
  private final String node;
  private final Clock clock;

  /**
   * @param batchSize rows per delete statement
   * @param lease how long the purge may go without renewing before another node may take over
   * @param node this node's name, unique among the nodes sharing the database
   */
  public PurgeExpiredDataService(
      DeadRows rows,
      JobLeases leases,
      RetentionPolicy policy,
      int batchSize,
      Duration lease,
      String node,
      Clock clock) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("purge batch size must be positive");
    }
    this.rows = rows;
    this.leases = leases;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.batchSize = batchSize;
    this.lease = lease;
    this.node = node;
    this.clock = clock;
  }

  @Override
  public PurgeResult purgeExpiredData() {
    if (!leases.claim(JOB, node, clock.instant(), lease)) {
      return new PurgeResult(false, Map.of());
    }
    Map<DeadData, Integer> deleted = new EnumMap<>(DeadData.class);
    try {
      for (DeadData kind : DeadData.values()) {
        // One cutoff per kind and run: rows that die meanwhile wait for the next run.
        Instant cutoff = policy.cutoff(kind, clock.instant());
        int batch;
        do {
          if (!leases.claim(JOB, node, clock.instant(), lease)) {
            return new PurgeResult(true, deleted); // another node took over; it carries on
          }
          batch = rows.deleteBatch(kind, cutoff, batchSize);
          if (batch > 0) {
            deleted.merge(kind, batch, Integer::sum);
          }
        } while (batch >= batchSize);
      }
    } finally {
      leases.release(JOB, node);
    }
    return new PurgeResult(true, deleted);
  }
}
