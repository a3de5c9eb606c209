package dev.stepup.application.port.out.audit;

import dev.stepup.domain.audit.SealedRecord;
import java.util.List;

/**
 * The audit trail's hash chains, one per environment and one ({@code ""}) for server-wide events:
 * records are written to wait, then numbered, sealed and stored in the order they are taken.
 */
public interface AuditSeals {

  /**
   * A record waiting to be sealed: its place in the queue ({@code pending}), the id it is sealed
   * under, its chain, and its fields as {@link SealedRecord#FIELDS} names them (the id first).
   */
  record Unsealed(long pending, long id, String chain, List<String> fields) {}

  /** A waiting record and the seal it is stored with. */
  record Sealing(long pending, SealedRecord record) {}

  /** Where a chain ends: its last sealed position and hash ({@code 0}, GENESIS before any). */
  record Head(long seq, String hash) {}

  /**
   * The oldest waiting records, at most {@code limit}, numbered with the next ids; none when
   * another sealer is numbering at the same time. The ids are given back if the caller's
   * transaction rolls back.
   */
  List<Unsealed> takeUnsealed(int limit);

  Head head(String chain);

  /**
   * Stores {@code records} sealed (the chain's next positions after {@code from}) and moves the
   * head; false, with the caller's transaction to be rolled back, when another sealer got there
   * first.
   */
  boolean seal(String chain, Head from, List<Sealing> records);

  /** A chain's sealed records after position {@code afterSeq}, in chain order. */
  List<SealedRecord> sealedAfter(String chain, long afterSeq, int limit);

  /** How many of a chain's records are waiting to be sealed. */
  long unsealedCount(String chain);
}
