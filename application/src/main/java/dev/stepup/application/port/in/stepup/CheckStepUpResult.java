package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.policy.StepUpDecision;
import java.util.List;
import java.util.Optional;

/**
 * What {@code check} answers: whether step-up is required, the credentials the user may verify
 * with, and the one to offer first.
 */
public record CheckStepUpResult(
    boolean isRequired,
    StepUpDecision.Path path,
    List<Credential> credentials,
    Optional<CredentialId> defaultCredentialId) {

  public CheckStepUpResult {
    credentials = List.copyOf(credentials);
  }

  /** The credential to verify with, by the policy's rule; see {@link StepUpDecision.Required}. */
  public Optional<Credential> credentialFor(Optional<CredentialId> named) {
    return new StepUpDecision.Required(path, credentials, defaultCredentialId).credentialFor(named);
  }

  public static CheckStepUpResult from(StepUpDecision decision) {
    if (decision instanceof StepUpDecision.Required required) {
      return new CheckStepUpResult(
          true, required.path(), required.credentials(), required.defaultCredentialId());
    }
    return new CheckStepUpResult(false, StepUpDecision.Path.NONE, List.of(), Optional.empty());
  }
}
