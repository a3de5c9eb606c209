package dev.stepup.domain.session;

import java.util.Objects;

/** Opaque identifier of a signed-in session, e.g. {@code ses_…}. */
public record SessionId(String value) {
  public SessionId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("session id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
