package dev.stepup.domain.externalauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The registered claims of a backend's signed assertion whose signature was verified. */
public record AssertionClaims(
    String issuer,
    String subject,
    List<String> audiences,
    Optional<Instant> expiresAt,
    Optional<Instant> notBefore,
    String jti) {
  public AssertionClaims {
    issuer = Objects.requireNonNullElse(issuer, "");
    subject = Objects.requireNonNullElse(subject, "");
    audiences = List.copyOf(audiences);
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(notBefore, "notBefore");
    jti = Objects.requireNonNullElse(jti, "");
  }
}
