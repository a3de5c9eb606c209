package dev.stepup.application.port.out.mfa;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered passkeys. */
public interface Passkeys {

  void add(Passkey passkey);

  Optional<Passkey> findByWebauthnId(String webauthnId);

  List<Passkey> forUser(UserId userId);

  /** Records a verified assertion's counter; false when another assertion raced ahead. */
  boolean advanceCounter(CredentialId id, long previous, long reported, Instant at);

  void delete(CredentialId id);
}
