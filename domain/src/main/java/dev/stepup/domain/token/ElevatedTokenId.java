package dev.stepup.domain.token;

import java.util.Objects;

/** Identifier of an issued elevated token (the JWT's {@code jti}), e.g. {@code tok_…}. */
public record ElevatedTokenId(String value) {
  public ElevatedTokenId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("token id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
