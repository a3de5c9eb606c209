package dev.stepup.application.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** Random identifiers and bearer secrets, from the JDK's cryptographically strong generator. */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  /** The same characters in the order both databases sort them, digits first. */
  private static final char[] SORTED_BASE32 = "234567abcdefghijklmnopqrstuvwxyz".toCharArray();

  /**
   * Characters of the time in {@link #orderedId}: 50 bits of milliseconds, until the year 37,648.
   */
  private static final int TIME_CHARACTERS = 10;

  private RandomTokens() {}

  /** An opaque id with a readable prefix, e.g. {@code tok_3kz…} (130 random bits). */
  public static String id(String prefix) {
    return appendRandom(new StringBuilder(prefix.length() + 27).append(prefix).append('_'));
  }

  /**
   * As {@link #id}, led by {@code at} to the millisecond, e.g. {@code tok_…} (40 characters for
   * {@code tok}): ids made later sort after, so an index of them grows at its end instead of
   * rewriting a page anywhere in it on every insert (ADR 0040). The random part is the same.
   */
  public static String orderedId(String prefix, Instant at) {
    long millis = at.toEpochMilli();
    StringBuilder id =
        new StringBuilder(prefix.length() + 1 + TIME_CHARACTERS + 26).append(prefix).append('_');
    for (int shift = 5 * (TIME_CHARACTERS - 1); shift >= 0; shift -= 5) {
      id.append(SORTED_BASE32[(int) (millis >>> shift) & 31]);
    }
    return appendRandom(id);
  }

  private static String appendRandom(StringBuilder id) {
    // One draw of 17 bytes, 5 bits per character: a call to the shared generator is the cost.
    byte[] random = bytes(17);
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
