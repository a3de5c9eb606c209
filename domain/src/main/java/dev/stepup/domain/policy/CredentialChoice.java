package dev.stepup.domain.policy;

import dev.stepup.domain.credential.Credential;
import java.util.Objects;

/**
 * Which credential a verification method verifies with (see {@link StepUpPolicy#credentialFor}):
 * one chosen, a named credential the method cannot verify, or the policy's refusal.
 */
public sealed interface CredentialChoice {

  /** The credential to verify with. */
  record Chosen(Credential credential) implements CredentialChoice {
    public Chosen {
      Objects.requireNonNull(credential, "credential");
    }
  }

  /** The credential named is not the user's, or not one of the methods asked about. */
  record NotOfMethod() implements CredentialChoice {}

  /** The policy refuses the method or the named credential. */
  record Refused(VerificationPermission.Reason reason) implements CredentialChoice {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
