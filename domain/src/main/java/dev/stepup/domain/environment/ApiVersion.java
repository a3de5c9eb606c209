package dev.stepup.domain.environment;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API version a client was written for, as it says in the {@code Stepup-Api-Version} header;
 * {@link #LEGACY} when it says none. Versions are dates and later ones compare greater.
 */
public enum ApiVersion {
  /** No version named: a client written before versions existed, using action-based MFA. */
  LEGACY(""),
  /** Step-up with scoped elevated tokens only: the action-based MFA calls are retired. */
  V2026_04_01("2026_04_01");

  private static final Pattern SHAPE = Pattern.compile("\\d{4}_\\d{2}_\\d{2}");

  private final String wire;

  ApiVersion(String wire) {
    this.wire = wire;
  }

  /** The header value, e.g. {@code 2026_04_01}; empty for {@link #LEGACY}. */
  public String wire() {
    return wire;
  }

  /** The newest version this server speaks: what its own clients send. */
  public static ApiVersion latest() {
    return V2026_04_01;
  }

  /**
   * The version a header names: {@link #LEGACY} when absent or blank.
   *
   * @throws UnsupportedApiVersionException when it is not a version this server knows
   */
  public static ApiVersion parse(String header) {
    if (header == null || header.isBlank()) {
      return LEGACY;
    }
    String value = header.strip();
    if (!SHAPE.matcher(value).matches()) {
      throw new UnsupportedApiVersionException(value, false);
    }
    return fromWire(value).orElseThrow(() -> new UnsupportedApiVersionException(value, true));
  }

  /** The known version {@code wire} names ({@code ""} for legacy). */
  public static Optional<ApiVersion> fromWire(String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
  }

  /** Whether this version still allows the action-based MFA calls and tokens. */
  public boolean allowsLegacyMfa() {
    return this == LEGACY;
  }

  /** The label a person reads: the date, or "none (legacy)". */
  public String label() {
    return this == LEGACY ? "none (legacy)" : wire;
  }
}
