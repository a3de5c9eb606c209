package dev.stepup.domain.environment;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifier of an environment (tenant), e.g. {@code demo}; it appears in URLs. */
public record EnvironmentId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  public EnvironmentId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "environment id must be 1-63 lower-case letters, digits, '-' or '_': " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
