package dev.stepup.application.port.in.user;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** Which user signs in, and with which of their credentials (if the host knows). */
public record StartSessionCommand(
    EnvironmentId environmentId,
    UserId userId,
    Optional<CredentialId> signInCredentialId,
    RequestOrigin origin) {
  public StartSessionCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(signInCredentialId, "signInCredentialId");
    Objects.requireNonNull(origin, "origin");
  }
}
