package dev.stepup.client;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An export of the audit chain, verified here, without trusting the server: every record's hash is
 * recomputed from its own fields and must link to the record before it. Compare {@link #headHash()}
 * with a head hash kept elsewhere (an earlier export, a ticket) to see that nothing after it was
 * rewritten.
 *
 * @param records each record as exported: {@code chain}, {@code seq}, {@code previous}, {@code
 *     hash}, then the sealed fields
 * @param headHash the last record's hash (64 zeros for an empty chain)
 */
public record AuditChainExport(List<Map<String, Object>> records, String headHash) {

  private static final String GENESIS = "0".repeat(64);

  /**
   * @throws StepUpException {@code audit_chain_broken} naming the first record that does not verify
   */
  static AuditChainExport verify(String jsonLines) {
    List<Map<String, Object>> records = new ArrayList<>();
    String previous = null;
    long seq = -1;
    for (String line : jsonLines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> record = parse(line);
      long position = ((Number) record.get("seq")).longValue();
      String linked = String.valueOf(record.get("previous"));
      boolean follows =
          previous == null
              ? position > 1 || GENESIS.equals(linked)
              : position == seq + 1 && previous.equals(linked);
      if (!follows || !hash(record).equals(record.get("hash"))) {
        throw new StepUpException(
            0,
            "audit_chain_broken",
            "the audit chain does not verify at position "
                + position
                + " (record "
                + record.get("id")
                + ")");
      }
      records.add(record);
      previous = (String) record.get("hash");
      seq = position;
    }
    return new AuditChainExport(List.copyOf(records), previous == null ? GENESIS : previous);
  }

  /** sha256(previous + "\n" + each field after the first four as "-" or "<bytes>:<value>"). */
  private static String hash(Map<String, Object> record) {
    StringBuilder text = new StringBuilder(String.valueOf(record.get("previous"))).append('\n');
    int index = 0;
    for (Map.Entry<String, Object> field : record.entrySet()) {
      if (index++ < 4) {
        continue;
      }
      if (field.getValue() == null) {
        text.append('-');
      } else {
        String value = String.valueOf(field.getValue());
        text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
      }
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Map<String, Object> parse(String line) {
    try {
      return JSONObjectUtils.parse(line);
    } catch (ParseException e) {
      throw new StepUpException(0, "unreadable_answer", "an export line is not JSON");
    }
  }
}
