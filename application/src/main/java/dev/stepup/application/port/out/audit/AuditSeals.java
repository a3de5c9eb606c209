package dev.stepup.application.port.out.audit;

import dev.stepup.domain.audit.SealedRecord;
import java.util.List;

/**
 * The audit trail's hash chains, one per environment and one ({@code ""}) for server-wide events:
 * records are written unsealed and sealed shortly after, in the order they became visible.
 */
public interface AuditSeals {

  /** A record written but not yet sealed, its fields as {@link SealedRecord#FIELDS} names them. */
  record Unsealed(long id, String chain, List<String> fields) {}

  /** Where a chain ends: its last sealed position and hash ({@code 0}, GENESIS before any). */
  record Head(long seq, String hash) {}

  /** The oldest unsealed records, by id, at most {@code limit}. */
  List<Unsealed> unsealed(int limit);

  Head head(String chain);

  /**
   * Seals {@code records} (the chain's next positions after {@code from}) and moves the head;
   * false, with the caller's transaction to be rolled back, when another sealer got there first.
   */
  boolean seal(String chain, Head from, List<SealedRecord> records);

  /** A chain's sealed records after position {@code afterSeq}, in chain order. */
  List<SealedRecord> sealedAfter(String chain, long afterSeq, int limit);

  long unsealedCount(String chain);
}
