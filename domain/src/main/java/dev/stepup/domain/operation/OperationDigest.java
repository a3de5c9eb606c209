package dev.stepup.domain.operation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A SHA-256 digest of the message or transaction an operation acts on, kept as 64 lowercase hex
 * digits; it may be written in hex or unpadded base64url (43 characters).
 */
public record OperationDigest(String hex) {

  private static final int BYTES = 32;

  public OperationDigest {
    Objects.requireNonNull(hex, "hex");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("digest: a SHA-256 digest is 64 lowercase hex digits");
    }
  }

  /** Reads a digest in hex (64 digits, any case) or unpadded base64url (43 characters). */
  public static OperationDigest parse(String text) {
    Objects.requireNonNull(text, "digest");
    String trimmed = text.strip();
    if (trimmed.matches("[0-9a-fA-F]{64}")) {
      return new OperationDigest(trimmed.toLowerCase(Locale.ROOT));
    }
    if (trimmed.matches("[A-Za-z0-9_-]{43}")) {
      byte[] bytes = Base64.getUrlDecoder().decode(trimmed);
      if (bytes.length == BYTES) {
        return of(bytes);
      }
    }
    throw new IllegalArgumentException(
        "digest: a SHA-256 digest in hex (64 digits) or unpadded base64url (43 characters)");
  }

  /** The digest of 32 bytes a SHA-256 computation produced. */
  public static OperationDigest of(byte[] sha256) {
    if (sha256.length != BYTES) {
      throw new IllegalArgumentException("digest: a SHA-256 digest is 32 bytes");
    }
    return new OperationDigest(HexFormat.of().formatHex(sha256));
  }

  /** The SHA-256 of a message's UTF-8 bytes: how an action digests the text it signs. */
  public static OperationDigest ofMessage(String message) {
    try {
      return of(
          MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The first characters, for a view where the whole digest would not fit. */
  public String shortened() {
    return hex.substring(0, 12) + "…";
  }
}
