package dev.stepup.domain.environment;

/** A request named an API version this server does not speak (or not a version at all). */
public final class UnsupportedApiVersionException extends IllegalArgumentException {

  private final boolean wellFormed;

  public UnsupportedApiVersionException(String value, boolean wellFormed) {
    super(
        wellFormed
            ? "unknown API version " + abbreviate(value) + "; this server speaks 2026_04_01"
            : "an API version is a date like 2026_04_01, not " + abbreviate(value));
    this.wellFormed = wellFormed;
  }

  private static String abbreviate(String value) {
    String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
    return printable.length() > 20 ? printable.substring(0, 20) + "…" : printable;
  }

  /** Whether the value had a version's shape (a date) but is not one this server knows. */
  public boolean wellFormed() {
    return wellFormed;
  }
}
