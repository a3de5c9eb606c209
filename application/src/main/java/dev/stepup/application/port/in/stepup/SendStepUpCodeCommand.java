package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.credential.CredentialId;
import java.util.Objects;
import java.util.Optional;

/** Send a step-up code to the credential named, else to the one the policy prefers. */
public record SendStepUpCodeCommand(SessionContext context, Optional<CredentialId> credentialId) {
  public SendStepUpCodeCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(credentialId, "credentialId");
  }
}
