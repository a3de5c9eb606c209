package dev.stepup.adapter.in.web.api.view;

import dev.stepup.domain.credential.Credential;
import java.time.Instant;
import java.util.Optional;

/** A credential as its owner (or the owner's host backend) sees it. */
public record CredentialView(
    String id,
    String format,
    Optional<String> type,
    Optional<String> alias,
    Optional<String> value,
    boolean signInEnabled,
    Optional<Boolean> isDefault,
    Instant createdAt) {

  public static CredentialView of(Credential c) {
    // MFA devices have no value worth showing: their identifier is an internal handle.
    Optional<String> value = c.isMfa() ? Optional.empty() : Optional.of(c.identifier());
    Optional<Boolean> isDefault = c.isMfa() ? Optional.of(c.defaultMfa()) : Optional.empty();
    return new CredentialView(
        c.id().value(),
        c.format().wire(),
        c.type(),
        c.alias(),
        value,
        c.signInEnabled(),
        isDefault,
        c.createdAt());
  }
}
