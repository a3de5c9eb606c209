package dev.stepup.domain.audit;

import java.util.Optional;

/**
 * Walks one chain's sealed records in order and names the first place it breaks: a record whose
 * fields no longer give its hash (changed), a record that does not link to the one before it
 * (removed or inserted), or a last record that is not the head the chain was sealed up to. Records
 * purged by retention before the first one seen cannot be checked; the walk starts from the first
 * record kept.
 */
public final class ChainVerifier {

  /** Where and how the chain breaks. */
  public record Break(long id, long seq, Kind kind) {}

  /** How a chain can break. */
  public enum Kind {
    /** The record's fields or hash were changed after it was sealed. */
    ALTERED,
    /** The record does not link to the one before it: records between were removed or added. */
    UNLINKED,
    /** The last record is not the head the chain was sealed up to: the newest were removed. */
    TRUNCATED
  }

  private SealedRecord last;
  private long firstSeq;
  private long count;
  private Break broken;

  /** Takes the next record in chain order; answers false once the chain is broken. */
  public boolean accept(SealedRecord record) {
    if (broken != null) {
      return false;
    }
    if (!record.selfConsistent()) {
      broken = new Break(record.id(), record.seq(), Kind.ALTERED);
    } else if (last != null
        && (record.seq() != last.seq() + 1 || !AuditChain.same(record.previous(), last.hash()))) {
      broken = new Break(record.id(), record.seq(), Kind.UNLINKED);
    } else if (last == null && record.seq() == 1 && !record.previous().equals(AuditChain.GENESIS)) {
      broken = new Break(record.id(), record.seq(), Kind.UNLINKED);
    }
    if (broken != null) {
      return false;
    }
    if (last == null) {
      firstSeq = record.seq();
    }
    last = record;
    count++;
    return true;
  }

  /**
   * The chain's state once every record was given, checked against the head it was sealed up to
   * (its last position and hash; none for a chain never sealed).
   */
  public Verdict verdict(long headSeq, String headHash) {
    if (broken != null) {
      return new Verdict(count, firstSeq, Optional.of(broken), headSeq, headHash);
    }
    long lastSeq = last == null ? 0 : last.seq();
    boolean headMatches =
        last == null ? headSeq == 0 : lastSeq == headSeq && AuditChain.same(last.hash(), headHash);
    if (!headMatches) {
      long id = last == null ? 0 : last.id();
      return new Verdict(
          count, firstSeq, Optional.of(new Break(id, lastSeq, Kind.TRUNCATED)), headSeq, headHash);
    }
    return new Verdict(count, firstSeq, Optional.empty(), headSeq, headHash);
  }

  /**
   * @param checked records checked and found linked
   * @param firstSeq the first position kept (earlier ones were purged), 0 for an empty chain
   */
  public record Verdict(
      long checked, long firstSeq, Optional<Break> broken, long headSeq, String headHash) {

    public boolean intact() {
      return broken.isEmpty();
    }
  }
}
