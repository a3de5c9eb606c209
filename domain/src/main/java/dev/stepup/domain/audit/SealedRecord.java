package dev.stepup.domain.audit;

import java.util.List;
import java.util.Objects;

/**
 * One sealed audit record as stored: its place in the chain, the hash it links to, its fields and
 * its own hash.
 *
 * @param id the record's id in the trail
 * @param seq its position in its chain, from 1
 */
public record SealedRecord(long id, long seq, String previous, List<String> fields, String hash) {

  /** The fields a seal covers, in order; an export names them so. */
  public static final List<String> FIELDS =
      List.of(
          "id",
          "at",
          "environment",
          "type",
          "outcome",
          "user",
          "session",
          "scopes",
          "method",
          "reason",
          "actor",
          "clientIp",
          "userAgent");

  public SealedRecord {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(hash, "hash");
    fields = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(fields));
  }

  /** Whether the stored hash is what the record's own fields and link give. */
  public boolean selfConsistent() {
    return AuditChain.same(hash, AuditChain.link(previous, fields));
  }
}
