package dev.stepup.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the host backend is about to do, named when it spends a token ({@link
 * StepUpClient#consume(String, String, Operation)}): the resource, the SHA-256 of the exact message
 * or transaction it computed itself, and the amount it moves. A token bound to another operation is
 * refused with {@code operation_mismatch} and not spent. Any part may be null.
 *
 * @param amount a decimal as text ({@code "100.50"}), with {@code asset}
 */
public record Operation(String resource, String digest, String amount, String asset) {

  /** An operation on one resource (a wallet id, an account). */
  public static Operation on(String resource) {
    return new Operation(resource, null, null, null);
  }

  /** The same operation on the message whose UTF-8 bytes it signs or sends. */
  public Operation message(String message) {
    return new Operation(resource, sha256Hex(message), amount, asset);
  }

  /** The same operation moving {@code amount} of {@code asset}. */
  public Operation moving(String amount, String asset) {
    return new Operation(resource, digest, amount, asset);
  }

  /** The hex SHA-256 of a message's UTF-8 bytes, as the server compares digests. */
  public static String sha256Hex(String message) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  Map<String, Object> body() {
    return OperationBinding.json(resource, digest, "amount", amount, asset);
  }
}
