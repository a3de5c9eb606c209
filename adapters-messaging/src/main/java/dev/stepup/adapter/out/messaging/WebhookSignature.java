package dev.stepup.adapter.out.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook carries: {@code Stepup-Signature: t=<unix seconds>,v1=<hex>} where {@code
 * v1} is HMAC-SHA256, keyed with the UTF-8 bytes of the secret as shown ({@code whsec_…}), over
 * {@code <t> + "." + <raw body>}. The receiver recomputes it, compares in constant time, and
 * rejects a {@code t} outside its tolerance (replays).
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "Stepup-Signature";
  public static final String EVENT_ID_HEADER = "Stepup-Event-Id";
  public static final String TIMESTAMP_HEADER = "Stepup-Timestamp";

  private WebhookSignature() {}

  /** The header value for {@code body} signed at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  static String hmac(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
