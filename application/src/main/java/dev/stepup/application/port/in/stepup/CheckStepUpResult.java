package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.policy.StepUpDecision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code check} answers: whether step-up is required, the credentials the user may verify
 * with, and the one to offer first; when not required, why ({@code notRequiredBecause}: step-up
 * off, the scope unprotected, or the token the client presented covers it).
 */
public record CheckStepUpResult(
    boolean isRequired,
    StepUpDecision.Path path,
    List<Credential> credentials,
    Optional<CredentialId> defaultCredentialId,
    Optional<StepUpDecision.NotRequired.Why> notRequiredBecause) {

  public CheckStepUpResult {
    credentials = List.copyOf(credentials);
    Objects.requireNonNull(notRequiredBecause, "notRequiredBecause");
  }

  /** A result that names no reason for "not required" (a required one needs none). */
  public CheckStepUpResult(
      boolean isRequired,
      StepUpDecision.Path path,
      List<Credential> credentials,
      Optional<CredentialId> defaultCredentialId) {
    this(isRequired, path, credentials, defaultCredentialId, Optional.empty());
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
    return new CheckStepUpResult(
        false,
        StepUpDecision.Path.NONE,
        List.of(),
        Optional.empty(),
        Optional.of(((StepUpDecision.NotRequired) decision).why()));
  }
}
