package dev.stepup.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain that makes an audit trail tamper-evident: each sealed record's hash covers the
 * previous record's hash and the record's own fields, so changing, removing or inserting a record
 * breaks every link after it. Anyone holding an export can recompute it: {@code hash =
 * hex(SHA-256(previous + "\n" + f1 + f2 + ...))} where each field is {@code "-"} when absent, else
 * its UTF-8 length in bytes, {@code ":"} and the value, and the first record's previous is {@link
 * #GENESIS}.
 */
public final class AuditChain {

  /** What the first record of a chain links to. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The hash of a record with these fields, linked to {@code previous}. */
  public static String link(String previous, List<String> fields) {
    StringBuilder text = new StringBuilder(previous).append('\n');
    for (String field : fields) {
      if (field == null) {
        text.append('-');
      } else {
        text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
      }
    }
    return HexFormat.of().formatHex(sha256(text.toString()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether two hashes are equal, in time that does not depend on where they differ. */
  static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
