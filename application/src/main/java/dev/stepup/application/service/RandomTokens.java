package dev.stepup.application.service;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers and bearer secrets, from the JDK's cryptographically strong generator. */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private RandomTokens() {}

  /** An opaque id with a readable prefix, e.g. {@code tok_3kz…} (130 random bits). */
  public static String id(String prefix) {
    // One draw of 17 bytes, 5 bits per character: a call to the shared generator is the cost.
    byte[] random = bytes(17);
    StringBuilder id = new StringBuilder(prefix.length() + 27).append(prefix).append('_');
    int bits = 0;
    int buffer = 0;
    int next = 0;
    for (int i = 0; i < 26; i++) {
      if (bits < 5) {
        buffer = (buffer << 8) | (random[next++] & 0xff);
        bits += 8;
      }
      id.append(BASE32[(buffer >>> (bits - 5)) & 31]);
      bits -= 5;
    }
    return id.toString();
  }

  /** A bearer secret with a readable prefix and 256 random bits, URL-safe. */
  public static String secret(String prefix) {
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
  }

  /** A string of {@code length} random decimal digits, e.g. a one-time code. */
  public static String digits(int length) {
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return code.toString();
  }

  public static byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
