package dev.stepup.application.port.in.mfa;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes an MFA device the one step-up offers first; an MFA change, so it needs an elevated token
 * for {@code credential:link} like enrolment.
 */
public interface ChooseDefaultMfaUseCase {

  void chooseDefault(Command command);

  /** Whose device becomes the default, and the elevated token. */
  record Command(
      SessionContext context, CredentialId credentialId, Optional<String> elevatedToken) {

    public Command {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(credentialId, "credentialId");
      Objects.requireNonNull(elevatedToken, "elevatedToken");
    }
  }
}
