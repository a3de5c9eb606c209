package dev.stepup.application.port.in.user;

import dev.stepup.domain.credential.CredentialId;
import java.time.Instant;

/** An enrolled authenticator app or passkey; never its secret or public key. */
public record MfaDevice(CredentialId id, Kind kind, String alias, Instant createdAt) {

  /** What kind of device it is. */
  public enum Kind {
    TOTP,
    PASSKEY
  }
}
