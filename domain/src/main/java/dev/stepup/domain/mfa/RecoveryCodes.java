package dev.stepup.domain.mfa;

import java.util.Locale;
import java.util.Objects;

/**
 * The shape of recovery codes: {@link #COUNT} codes of {@link #GROUPS} groups of {@link
 * #GROUP_LENGTH} characters from an alphabet without look-alikes, e.g. {@code
 * 7kq2mx-h9pa3d-uv4wtn-8bc5ey}: about 119 bits each, so a fast keyed digest (one per attempt,
 * looked up by value) is enough to store them and no guessing, online or offline, can find one.
 * Users type them by hand, so case, spaces and dashes do not matter.
 */
public final class RecoveryCodes {

  public static final int COUNT = 10;
  public static final int GROUPS = 4;
  public static final int GROUP_LENGTH = 6;

  /** The least entropy a code must have (NIST SP 800-63B's bar for a look-up secret's key). */
  public static final int MIN_BITS = 112;

  /**
   * Codes issued before they grew to {@link #MIN_BITS} had two groups of five characters; sets
   * issued then keep working until used or regenerated.
   */
  public static final int LEGACY_LENGTH = 10;

  /** No 0/o, 1/l/i: codes are read off paper. */
  public static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

  private RecoveryCodes() {}

  /** The entropy of a code drawn uniformly from {@link #ALPHABET}. */
  public static double bits() {
    return GROUPS * GROUP_LENGTH * (Math.log(ALPHABET.length()) / Math.log(2));
  }

  /** Builds a code from random indexes into {@link #ALPHABET}, one per character. */
  public static String format(int[] alphabetIndexes) {
    Objects.requireNonNull(alphabetIndexes, "alphabetIndexes");
    if (alphabetIndexes.length != GROUPS * GROUP_LENGTH) {
      throw new IllegalArgumentException("a recovery code has " + GROUPS * GROUP_LENGTH + " chars");
    }
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < alphabetIndexes.length; i++) {
      if (i > 0 && i % GROUP_LENGTH == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(Math.floorMod(alphabetIndexes[i], ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * The canonical form of what a user typed: lower case, without spaces or dashes. Hash this, not
   * the raw input.
   */
  public static String normalize(String typed) {
    Objects.requireNonNull(typed, "typed");
    return typed.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
  }

  /** Whether a normalized input could be a recovery code at all (cheap check before hashing). */
  public static boolean isWellFormed(String normalized) {
    if (normalized.length() != GROUPS * GROUP_LENGTH && normalized.length() != LEGACY_LENGTH) {
      return false;
    }
    return normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }
}
