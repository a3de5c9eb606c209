package dev.stepup.application.service.audit;

import dev.stepup.application.port.in.audit.SealAuditTrailUseCase;
import dev.stepup.application.port.out.audit.AuditSeals;
import dev.stepup.application.port.out.retention.JobLeases;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.domain.audit.AuditChain;
import dev.stepup.domain.audit.SealedRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals waiting audit records batch by batch, each batch one transaction, while holding the sealing
 * lease so one node at a time extends the chains. Records are taken in the order they were written
 * and numbered as they are sealed, so ids follow the chains' order; one that commits late joins its
 * chain at the next position all the same.
 */
public final class SealAuditTrailService implements SealAuditTrailUseCase {

  /** The lease's name in {@link JobLeases}. */
  public static final String JOB = "audit-seal";

  private static final int MAX_BATCHES_PER_RUN = 20;

  private final AuditSeals seals;
  private final TransactionRunner transactions;
  private final JobLeases leases;
  private final int batchSize;
  private final Duration lease;
  private final String node;
  private final Clock clock;

  public SealAuditTrailService(
      AuditSeals seals,
      TransactionRunner transactions,
      JobLeases leases,
      int batchSize,
      Duration lease,
      String node,
      Clock clock) {
    this.seals = seals;
    this.transactions = transactions;
    this.leases = leases;
    this.batchSize = batchSize;
    this.lease = lease;
    this.node = node;
    this.clock = clock;
  }

  @Override
  public int sealPending() {
    int sealed = 0;
    for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      if (!leases.claim(JOB, node, clock.instant(), lease)) {
        return sealed;
      }
      int done = transactions.inTransaction(this::sealBatch);
      sealed += done;
      if (done < batchSize) {
        break;
      }
    }
    return sealed;
  }

  private int sealBatch() {
    List<AuditSeals.Unsealed> pending = seals.takeUnsealed(batchSize);
    Map<String, List<AuditSeals.Unsealed>> byChain = new LinkedHashMap<>();
    pending.forEach(r -> byChain.computeIfAbsent(r.chain(), c -> new ArrayList<>()).add(r));
    for (Map.Entry<String, List<AuditSeals.Unsealed>> chain : byChain.entrySet()) {
      AuditSeals.Head head = seals.head(chain.getKey());
      List<AuditSeals.Sealing> sealed = new ArrayList<>();
      long seq = head.seq();
      String previous = head.hash();
      for (AuditSeals.Unsealed record : chain.getValue()) {
        String hash = AuditChain.link(previous, record.fields());
        sealed.add(
            new AuditSeals.Sealing(
                record.pending(),
                new SealedRecord(record.id(), ++seq, previous, record.fields(), hash)));
        previous = hash;
      }
      if (!seals.seal(chain.getKey(), head, sealed)) {
        // Rolls the batch back: another sealer moved this chain meanwhile.
        throw new IllegalStateException("audit chain " + chain.getKey() + " moved while sealing");
      }
    }
    return pending.size();
  }
}
