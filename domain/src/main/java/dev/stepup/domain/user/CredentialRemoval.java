package dev.stepup.domain.user;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import java.util.Objects;

/**
 * What removing one credential from a user means: refused with a reason, or removed together with
 * everything that stood behind it, so no record outlives the credential it belonged to.
 */
public sealed interface CredentialRemoval {

  /** Why a credential may not be removed. */
  enum Reason {
    /** The user holds no such credential. */
    UNKNOWN_CREDENTIAL,
    /** It is the account's only credential: the user could never sign in again. */
    LAST_CREDENTIAL,
    /** The embedded wallet holds funds whose key the server keeps; it stays with the account. */
    EMBEDDED_WALLET
  }

  /** The credential stays. */
  record Refused(Reason reason) implements CredentialRemoval {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The credential is gone from the user; the records behind it must go in the same transaction.
   *
   * @param recoveryCodesGo it was the user's last MFA device, and recovery codes back up MFA only
   */
  record Removed(Credential credential, boolean recoveryCodesGo) implements CredentialRemoval {
    public Removed {
      Objects.requireNonNull(credential, "credential");
    }

    /** The stored WebAuthn key of a removed passkey must be deleted. */
    public boolean passkeyRecordGoes() {
      return credential.format() == CredentialFormat.PASSKEY;
    }

    /** The stored TOTP secret of a removed authenticator app must be deleted. */
    public boolean totpDeviceGoes() {
      return credential.format() == CredentialFormat.TOTP;
    }

    /** Whether it was a passkey or TOTP device (the notice speaks of a device, not a link). */
    public boolean wasMfaDevice() {
      return credential.isMfa();
    }
  }
}
