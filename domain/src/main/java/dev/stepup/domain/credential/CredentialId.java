package dev.stepup.domain.credential;

import java.util.Objects;

/** Opaque identifier of a credential, e.g. {@code cred_…}. */
public record CredentialId(String value) {
  public CredentialId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("credential id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
