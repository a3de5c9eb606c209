package dev.stepup.application.fakes;

import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passkeys kept in memory. */
public final class InMemoryPasskeys implements Passkeys {
  private final Map<CredentialId, Passkey> byId = new LinkedHashMap<>();

  @Override
  public synchronized void add(Passkey passkey) {
    byId.put(passkey.id(), passkey);
  }

  @Override
  public synchronized Optional<Passkey> findByWebauthnId(String webauthnId) {
    return byId.values().stream().filter(p -> p.webauthnId().equals(webauthnId)).findFirst();
  }

  @Override
  public synchronized List<Passkey> forUser(UserId userId) {
    return byId.values().stream()
        .filter(p -> p.userId().equals(userId))
        .sorted(Comparator.comparing(Passkey::createdAt).thenComparing(p -> p.id().value()))
        .toList();
  }

  @Override
  public synchronized boolean advanceCounter(
      CredentialId id, long previous, long reported, Instant at) {
    Passkey p = byId.get(id);
    if (p == null || p.signCount() != previous) {
      return false;
    }
    byId.put(
        id,
        new Passkey(
            p.id(),
            p.userId(),
            p.webauthnId(),
            p.userHandle(),
            p.publicKeyCose(),
            reported,
            p.alias(),
            p.createdAt()));
    return true;
  }

  @Override
  public synchronized void delete(CredentialId id) {
    byId.remove(id);
  }
}
