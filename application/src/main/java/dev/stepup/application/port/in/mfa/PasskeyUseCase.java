package dev.stepup.application.port.in.mfa;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import java.util.List;
import java.util.Optional;

/**
 * Passkey registration: an MFA enrolment, so it needs a {@code credential:link} token and revokes
 * earlier tokens. Step-up by passkey starts with {@code StartPasskeyStepUpUseCase}.
 */
public interface PasskeyUseCase {

  Options registrationOptions(
      SessionContext context, Optional<String> alias, Optional<String> elevatedToken);

  /** Registers the credential; recovery codes come back when it is the user's first MFA. */
  Registered register(SessionContext context, String challengeId, String credentialJson);

  /** The browser's options and the id to answer with. */
  record Options(String challengeId, String publicKeyJson) {}

  record Registered(CredentialId credentialId, List<String> recoveryCodes) {
    @Override
    public String toString() {
      return "Registered[credentialId=" + credentialId + "]";
    }
  }
}
