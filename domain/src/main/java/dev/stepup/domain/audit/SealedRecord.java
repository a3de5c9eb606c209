package dev.stepup.domain.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    // Absent fields are null, which List.copyOf refuses.
    fields = Collections.unmodifiableList(new ArrayList<>(fields));
  }

  /**
   * The record as one line of an export, in this order: {@code chain}, {@code seq}, {@code
   * previous}, {@code hash}, then the sealed fields under their {@link #FIELDS} names (absent ones
   * as null), so a reader recomputes the hash from the line alone.
   */
  public Map<String, Object> exportLine(String chain) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("chain", chain);
    line.put("seq", seq);
    line.put("previous", previous);
    line.put("hash", hash);
    for (int i = 0; i < FIELDS.size(); i++) {
      line.put(FIELDS.get(i), fields.get(i));
    }
    return line;
  }

  /** Whether the stored hash is what the record's own fields and link give. */
  public boolean selfConsistent() {
    return AuditChain.same(hash, AuditChain.link(previous, fields));
  }
}
