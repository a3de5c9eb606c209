package dev.stepup.domain.user;

import java.util.Objects;

/** Opaque identifier of a user, e.g. {@code usr_…}. */
public record UserId(String value) {
  public UserId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("user id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
