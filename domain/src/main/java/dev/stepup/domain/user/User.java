package dev.stepup.domain.user;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** A user of one environment and the credentials they can verify with. */
public final class User {

  private final UserId id;
  private final EnvironmentId environmentId;
  private final Instant createdAt;
  private final List<Credential> credentials;

  public User(
      UserId id, EnvironmentId environmentId, Instant createdAt, List<Credential> credentials) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.credentials = new ArrayList<>(Objects.requireNonNull(credentials, "credentials"));
    this.credentials.sort(Comparator.comparing(Credential::createdAt));
    // The same invariant addCredential keeps: a credential id names one credential of the user.
    Set<CredentialId> seen = new HashSet<>();
    for (Credential credential : this.credentials) {
      if (!seen.add(credential.id())) {
        throw new IllegalArgumentException("credential " + credential.id() + " is listed twice");
      }
    }
    if (this.credentials.stream().filter(Credential::defaultMfa).count() > 1) {
      throw new IllegalArgumentException("a user has at most one default MFA device");
    }
  }

  public UserId id() {
    return id;
  }

  public EnvironmentId environmentId() {
    return environmentId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Every credential, oldest first. */
  public List<Credential> credentials() {
    return List.copyOf(credentials);
  }

  public Optional<Credential> credential(CredentialId credentialId) {
    return credentials.stream().filter(c -> c.id().equals(credentialId)).findFirst();
  }

  /** Whether the user has enrolled a passkey or TOTP device. */
  public boolean hasMfa() {
    return credentials.stream().anyMatch(Credential::isMfa);
  }

  public void addCredential(Credential credential) {
    Objects.requireNonNull(credential, "credential");
    if (credential(credential.id()).isPresent()) {
      throw new IllegalArgumentException("credential " + credential.id() + " is already linked");
    }
    if (credential.defaultMfa()) {
      clearDefaultMfa();
    }
    credentials.add(credential);
    credentials.sort(Comparator.comparing(Credential::createdAt));
  }

  /**
   * Unlinks a credential without judging it (an admin's MFA reset); returns whether the user had
   * it. A user's own removal goes through {@link #remove}.
   */
  public boolean removeCredential(CredentialId credentialId) {
    return credentials.removeIf(c -> c.id().equals(credentialId));
  }

  /**
   * Whether the credential may be removed, and what goes with it, without changing anything: the
   * account keeps at least one credential, and the embedded wallet is never removed.
   */
  public CredentialRemoval judgeRemoval(CredentialId credentialId) {
    Optional<Credential> found = credential(credentialId);
    if (found.isEmpty()) {
      return new CredentialRemoval.Refused(CredentialRemoval.Reason.UNKNOWN_CREDENTIAL);
    }
    Credential credential = found.get();
    if (credentials.size() == 1) {
      return new CredentialRemoval.Refused(CredentialRemoval.Reason.LAST_CREDENTIAL);
    }
    if (credential.isEmbeddedWallet()) {
      return new CredentialRemoval.Refused(CredentialRemoval.Reason.EMBEDDED_WALLET);
    }
    boolean lastMfa =
        credential.isMfa() && credentials.stream().filter(Credential::isMfa).count() == 1;
    return new CredentialRemoval.Removed(credential, lastMfa);
  }

  /** Whether {@link #remove} would remove the credential. */
  public boolean mayRemove(CredentialId credentialId) {
    return judgeRemoval(credentialId) instanceof CredentialRemoval.Removed;
  }

  /**
   * Removes a credential when the rules allow it; the answer says what else must go with it (its
   * passkey or TOTP record, the recovery codes after the last MFA device) or why it stays.
   */
  public CredentialRemoval remove(CredentialId credentialId) {
    CredentialRemoval removal = judgeRemoval(credentialId);
    if (removal instanceof CredentialRemoval.Removed) {
      credentials.removeIf(c -> c.id().equals(credentialId));
    }
    return removal;
  }

  /** The user's MFA device with this id, if it is one. */
  public Optional<Credential> mfaDevice(CredentialId credentialId) {
    return credential(credentialId).filter(Credential::isMfa);
  }

  /** The MFA device step-up offers first: the one the user chose, else the newest. */
  public Optional<Credential> defaultMfaDevice() {
    return defaultMfaDevice(c -> true);
  }

  /**
   * The default among the MFA devices that pass {@code usable} (e.g. whose method is enabled): the
   * chosen one if it is usable, else the newest usable one.
   */
  public Optional<Credential> defaultMfaDevice(Predicate<Credential> usable) {
    List<Credential> devices =
        credentials.stream().filter(Credential::isMfa).filter(usable).toList();
    return devices.stream()
        .filter(Credential::defaultMfa)
        .findFirst()
        .or(() -> devices.stream().max(Comparator.comparing(Credential::createdAt)));
  }

  /**
   * Makes an MFA device the one step-up offers first.
   *
   * @throws IllegalArgumentException when the user has no such MFA device
   */
  public void chooseDefaultMfa(CredentialId credentialId) {
    Credential chosen =
        credential(credentialId)
            .filter(Credential::isMfa)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        credentialId + " is not an MFA device of user " + id));
    clearDefaultMfa();
    credentials.replaceAll(c -> c.id().equals(chosen.id()) ? c.withDefaultMfa(true) : c);
  }

  private void clearDefaultMfa() {
    credentials.replaceAll(c -> c.defaultMfa() ? c.withDefaultMfa(false) : c);
  }
}
