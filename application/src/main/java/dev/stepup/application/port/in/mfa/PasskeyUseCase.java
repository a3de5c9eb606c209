package dev.stepup.application.port.in.mfa;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Passkeys: registration (an MFA enrolment, so it needs a {@code credential:link} token and revokes
 * earlier tokens) and assertion for step-up.
 */
public interface PasskeyUseCase {

  Options registrationOptions(
      SessionContext context, Optional<String> alias, Optional<String> elevatedToken);

  /** Registers the credential; recovery codes come back when it is the user's first MFA. */
  Registered register(SessionContext context, String challengeId, String credentialJson);

  Options assertionOptions(SessionContext context);

  IssuedElevatedToken verify(
      SessionContext context, String challengeId, String credentialJson, Set<Scope> scopes);

  /** The browser's options and the id to answer with. */
  record Options(String challengeId, String publicKeyJson) {}

  record Registered(CredentialId credentialId, List<String> recoveryCodes) {
    @Override
    public String toString() {
      return "Registered[credentialId=" + credentialId + "]";
    }
  }
}
