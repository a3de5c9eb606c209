package dev.stepup.application.port.out.mfa;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** TOTP devices with their encrypted secrets and replay state. */
public interface TotpDevices {

  void add(TotpDevice device);

  Optional<TotpDevice> find(CredentialId id);

  /** The user's confirmed devices, oldest first. */
  List<TotpDevice> confirmedForUser(UserId userId);

  /** Confirms a pending device with the step of its first code. */
  boolean confirm(CredentialId id, long step, Instant at);

  /**
   * Records that a code of {@code step} was accepted, only if {@code step} is newer than the last
   * accepted one; exactly one of concurrent callers with the same step wins, so a code is never
   * accepted twice.
   */
  boolean advanceStep(CredentialId id, long step);

  void delete(CredentialId id);

  /** Removes pending devices created before {@code before}. */
  int deletePendingCreatedBefore(Instant before);
}
