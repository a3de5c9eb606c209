package dev.stepup.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the webhooks the server POSTs. Each carries {@code Stepup-Signature: t=<unix
 * seconds>,v1=<hex>}, where {@code v1} is HMAC-SHA256 keyed with the UTF-8 bytes of the
 * environment's signing secret ({@code whsec_…}) over {@code t + "." + body} (the raw request body,
 * exactly as received). Rejecting a {@code t} outside a tolerance is the receiver's defence against
 * replays; deduplicate by {@code Stepup-Event-Id} (a retry repeats the same event id).
 */
public final class Webhooks {

  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "Stepup-Signature";

  /** The header carrying the event's unique id (also the payload's {@code id}). */
  public static final String EVENT_ID_HEADER = "Stepup-Event-Id";

  private Webhooks() {}

  /**
   * Whether {@code body} was signed with {@code secret} at a time within {@code tolerance} of now.
   *
   * @param signatureHeader the {@code Stepup-Signature} header's value
   * @param body the raw request body
   */
  public static boolean verify(
      String secret, String signatureHeader, String body, Duration tolerance) {
    return verify(secret, signatureHeader, body, tolerance, Instant.now());
  }

  /** As {@link #verify(String, String, String, Duration)}, at a given time. */
  public static boolean verify(
      String secret, String signatureHeader, String body, Duration tolerance, Instant now) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(now, "now");
    if (signatureHeader == null || body == null) {
      return false;
    }
    Long timestamp = null;
    boolean valid = false;
    String[] parts = signatureHeader.split(",");
    for (String part : parts) {
      String p = part.strip();
      if (p.startsWith("t=") && timestamp == null) {
        try {
          timestamp = Long.parseLong(p.substring(2));
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    if (timestamp == null) {
      return false;
    }
    Instant signedAt = Instant.ofEpochSecond(timestamp);
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      return false;
    }
    byte[] expected = sign(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
    for (String part : parts) {
      String p = part.strip();
      if (p.startsWith("v1=")) {
        // Every v1 is compared, in constant time, so the loop leaks nothing about which matched.
        valid |=
            MessageDigest.isEqual(expected, p.substring(3).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return valid;
  }

  /** The hex HMAC-SHA256 of {@code signed} with the secret's UTF-8 bytes as key. */
  static String sign(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
