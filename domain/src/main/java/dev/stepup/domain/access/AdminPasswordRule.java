package dev.stepup.domain.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an admin password must be: at least {@link #MIN_LENGTH} characters, not one of the common
 * passwords attackers try first (compared without case, and also without trailing digits and
 * symbols, so {@code Password2024!} counts as {@code password}), and not built on the username or
 * the product's name.
 */
public final class AdminPasswordRule {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;
  private static final List<String> PRODUCT_NAMES = List.of("stepup", "step-up", "step up");
  private static final Set<String> COMMON = load();

  private AdminPasswordRule() {}

  /**
   * Why {@code password} is refused for {@code username}, in words for the admin; empty if fine.
   */
  public static Optional<String> problem(String password, String username) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("The password must have at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("The password must have at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || COMMON.contains(withoutTrailingDigitsAndSymbols(lower))) {
      return Optional.of(
          "This password is too common: it is on the lists attackers try first. Choose another.");
    }
    String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if ((user.length() >= 3 && lower.contains(user))
        || PRODUCT_NAMES.stream().anyMatch(lower::contains)) {
      return Optional.of("The password must not contain the username or the product's name.");
    }
    return Optional.empty();
  }

  /** How many common passwords are known (for tests and the README). */
  public static int commonPasswords() {
    return COMMON.size();
  }

  static String withoutTrailingDigitsAndSymbols(String lower) {
    int end = lower.length();
    while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
      end--;
    }
    return lower.substring(0, end);
  }

  private static Set<String> load() {
    Set<String> common = new HashSet<>();
    try (InputStream in = AdminPasswordRule.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the domain jar");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String entry = line.strip().toLowerCase(Locale.ROOT);
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          common.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(common);
  }
}
