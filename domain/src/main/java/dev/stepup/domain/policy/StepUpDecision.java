package dev.stepup.domain.policy;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.Acr;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@code check} answers: whether step-up is required and, if so, how the user can do it. */
public sealed interface StepUpDecision {

  boolean isRequired();

  /** No step-up needed for this scope now. */
  record NotRequired(Why why) implements StepUpDecision {
    public NotRequired {
      Objects.requireNonNull(why, "why");
    }

    @Override
    public boolean isRequired() {
      return false;
    }

    /** Why the action may proceed without step-up. */
    public enum Why {
      STEP_UP_DISABLED,
      SCOPE_NOT_PROTECTED,
      /** The client presented a live elevated token of this session that grants the scope. */
      VALID_TOKEN_HELD,
      /**
       * The scope is in monitor mode and enforcing it would have required step-up: the answer is
       * "not required", and the caller audits it as monitored so it can be counted.
       */
      MONITORED
    }
  }

  /**
   * Step-up is needed. {@code credentials} lists what the user may verify with, in the order to
   * offer them; it is empty when nothing is eligible (path {@link Path#NONE}).
   */
  record Required(
      Path path, List<Credential> credentials, Optional<CredentialId> defaultCredentialId)
      implements StepUpDecision {
    public Required {
      Objects.requireNonNull(path, "path");
      List<Credential> listed = List.copyOf(credentials);
      Objects.requireNonNull(defaultCredentialId, "defaultCredentialId");
      if ((path == Path.NONE) != listed.isEmpty()) {
        throw new IllegalArgumentException("path NONE goes with no credentials, and only then");
      }
      if (defaultCredentialId.isPresent()
          && listed.stream().noneMatch(c -> c.id().equals(defaultCredentialId.get()))) {
        throw new IllegalArgumentException("default credential must be one of those listed");
      }
      credentials = listed;
    }

    @Override
    public boolean isRequired() {
      return true;
    }

    /**
     * The authentication levels that would satisfy this step-up, for an RFC 9470 {@code
     * acr_values}: MFA for a user on the MFA path, re-authentication otherwise; none when the user
     * has nothing to verify with.
     */
    public List<Acr> acrValues() {
      return switch (path) {
        case MFA -> List.of(Acr.MFA);
        case REAUTH -> List.of(Acr.REAUTH);
        case NONE -> List.of();
      };
    }

    /**
     * The credential to verify with: the one named if it is listed, else the default one (an MFA
     * user's chosen device, a re-auth user's sign-in credential), else the first listed.
     */
    public Optional<Credential> credentialFor(Optional<CredentialId> named) {
      return named
          .flatMap(this::listed)
          .or(() -> defaultCredentialId.flatMap(this::listed))
          .or(() -> credentials.stream().findFirst());
    }

    private Optional<Credential> listed(CredentialId id) {
      return credentials.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Required, but the user cannot verify: used when anything goes wrong (fail closed). */
    public static Required withNoWayToVerify() {
      return new Required(Path.NONE, List.of(), Optional.empty());
    }
  }

  /** How a required step-up is to be completed. */
  enum Path {
    /** With a passkey, TOTP device, or recovery code. */
    MFA,
    /** By re-proving a sign-in identity: email, SMS, external wallet, social login. */
    REAUTH,
    /** The user has nothing eligible to verify with. */
    NONE
  }
}
