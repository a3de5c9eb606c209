package dev.stepup.application.fakes;

import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** TOTP devices in memory; step advances are compare-and-set. */
public final class InMemoryTotpDevices implements TotpDevices {
  private final Map<CredentialId, TotpDevice> byId = new LinkedHashMap<>();

  @Override
  public synchronized void add(TotpDevice device) {
    byId.put(device.id(), device);
  }

  @Override
  public synchronized Optional<TotpDevice> find(CredentialId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<TotpDevice> confirmedForUser(UserId userId) {
    return byId.values().stream()
        .filter(d -> d.userId().equals(userId) && d.isConfirmed())
        .sorted(Comparator.comparing(TotpDevice::createdAt).thenComparing(d -> d.id().value()))
        .toList();
  }

  @Override
  public synchronized boolean confirm(CredentialId id, long step, Instant at) {
    TotpDevice d = byId.get(id);
    if (d == null || d.isConfirmed()) {
      return false;
    }
    byId.put(
        id,
        new TotpDevice(
            d.id(),
            d.userId(),
            d.alias(),
            d.encryptedSecret(),
            step,
            d.createdAt(),
            Optional.of(at)));
    return true;
  }

  @Override
  public synchronized boolean advanceStep(CredentialId id, long step) {
    TotpDevice d = byId.get(id);
    if (d == null || !d.acceptsStep(step)) {
      return false;
    }
    byId.put(
        id,
        new TotpDevice(
            d.id(),
            d.userId(),
            d.alias(),
            d.encryptedSecret(),
            step,
            d.createdAt(),
            d.confirmedAt()));
    return true;
  }

  @Override
  public synchronized void delete(CredentialId id) {
    byId.remove(id);
  }

  @Override
  public synchronized int deletePendingCreatedBefore(Instant before) {
    int size = byId.size();
    byId.values().removeIf(d -> !d.isConfirmed() && d.createdAt().isBefore(before));
    return size - byId.size();
  }
}
