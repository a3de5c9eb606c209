package dev.stepup.domain.mfa;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOTP authenticator enrolled by a user. It is pending until the user proves the app works by
 * entering a first code; only then is it a credential. The shared secret is kept encrypted by the
 * application and never seen by the domain.
 *
 * @param lastAcceptedStep the RFC 6238 time step of the last accepted code; a code of this step or
 *     an earlier one is refused, so a code accepted once is never accepted again
 */
public record TotpDevice(
    CredentialId id,
    UserId userId,
    String alias,
    byte[] encryptedSecret,
    long lastAcceptedStep,
    Instant createdAt,
    Optional<Instant> confirmedAt) {

  public TotpDevice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(alias, "alias");
    encryptedSecret = Objects.requireNonNull(encryptedSecret, "encryptedSecret").clone();
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(confirmedAt, "confirmedAt");
  }

  /** A newly created, unconfirmed device. */
  public static TotpDevice pending(
      CredentialId id, UserId userId, String alias, byte[] encryptedSecret, Instant now) {
    return new TotpDevice(id, userId, alias, encryptedSecret, -1, now, Optional.empty());
  }

  @Override
  public byte[] encryptedSecret() {
    return encryptedSecret.clone();
  }

  public boolean isConfirmed() {
    return confirmedAt.isPresent();
  }

  /** Whether a code of {@code step} may still be accepted (it is newer than the last one). */
  public boolean acceptsStep(long step) {
    return step > lastAcceptedStep;
  }

  /**
   * Judges a code that matched time step {@code step} when the clock is at {@code currentStep}:
   * only the current step and {@link TotpCheck#STEPS_BACK} before it count (a code of a future step
   * would let a code read off a device be used later), and a step already accepted is a replay.
   */
  public TotpCheck check(long step, long currentStep) {
    if (step > currentStep || step < currentStep - TotpCheck.STEPS_BACK) {
      return TotpCheck.OUTSIDE_WINDOW;
    }
    return acceptsStep(step) ? TotpCheck.ACCEPTED : TotpCheck.REPLAYED;
  }

  @Override
  public String toString() {
    return "TotpDevice[id=" + id + ", userId=" + userId + ", confirmed=" + isConfirmed() + "]";
  }
}
