package dev.stepup.domain.externalauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of an external provider's token whose signature was verified, as far as this server
 * reads them.
 */
public record ExternalTokenClaims(
    String issuer,
    String subject,
    List<String> audiences,
    Optional<Instant> expiresAt,
    Optional<Instant> notBefore,
    Optional<String> email,
    boolean emailVerified,
    Optional<String> phoneNumber,
    boolean phoneNumberVerified) {

  public ExternalTokenClaims {
    issuer = Objects.requireNonNullElse(issuer, "");
    subject = Objects.requireNonNullElse(subject, "");
    audiences = List.copyOf(audiences);
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(notBefore, "notBefore");
    email = email.filter(e -> !e.isBlank());
    phoneNumber = phoneNumber.filter(p -> !p.isBlank());
  }

  /** The email address, only when the provider says it verified it: anything else is a claim. */
  public Optional<String> verifiedEmail() {
    return emailVerified ? email : Optional.empty();
  }

  /** The phone number, only when the provider says it verified it. */
  public Optional<String> verifiedPhoneNumber() {
    return phoneNumberVerified ? phoneNumber : Optional.empty();
  }
}
