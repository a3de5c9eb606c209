package dev.stepup.domain.externalauth;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** The user an external provider's subject is in an environment: one user per (issuer, sub). */
public record ExternalIdentity(
    EnvironmentId environmentId, String issuer, String subject, UserId userId, Instant linkedAt) {
  public ExternalIdentity {
    Objects.requireNonNull(environmentId, "environmentId");
    issuer = Texts.required(issuer, "issuer", 255);
    if (subject == null || subject.isEmpty() || subject.length() > 255) {
      // Kept exactly as the provider wrote it: "a" and " a" are two subjects.
      throw new IllegalArgumentException("subject: 1-255 characters");
    }
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(linkedAt, "linkedAt");
  }
}
