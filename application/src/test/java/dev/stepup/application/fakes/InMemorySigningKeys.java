package dev.stepup.application.fakes;

import dev.stepup.application.port.out.token.CurrentSigningKey;
import dev.stepup.application.port.out.token.SigningKeys;
import dev.stepup.application.port.out.token.StoredSigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Signing keys in memory; rotation is a compare-and-set on the generation, as in the database. */
public final class InMemorySigningKeys implements SigningKeys {
  private final List<StoredSigningKey> keys = new ArrayList<>();
  private long generation;
  private String currentKeyId;

  @Override
  public synchronized CurrentSigningKey current() {
    return new CurrentSigningKey(
        generation, keys.stream().filter(k -> k.keyId().equals(currentKeyId)).findFirst());
  }

  @Override
  public synchronized boolean rotate(long replacing, StoredSigningKey fresh, Instant now) {
    if (generation != replacing) {
      return false;
    }
    generation++;
    currentKeyId = fresh.keyId();
    keys.add(fresh);
    for (StoredSigningKey k : List.copyOf(keys)) {
      if (!k.keyId().equals(fresh.keyId())) {
        retire(k.keyId(), now);
      }
    }
    return true;
  }

  @Override
  public synchronized List<StoredSigningKey> all() {
    return keys.stream()
        .sorted(
            Comparator.comparing(StoredSigningKey::createdAt)
                .reversed()
                .thenComparing(StoredSigningKey::keyId))
        .toList();
  }

  @Override
  public synchronized void add(StoredSigningKey key) {
    keys.add(key);
  }

  @Override
  public synchronized boolean retire(String keyId, Instant at) {
    for (int i = 0; i < keys.size(); i++) {
      StoredSigningKey k = keys.get(i);
      if (k.keyId().equals(keyId) && k.retiredAt().isEmpty()) {
        keys.set(
            i,
            new StoredSigningKey(
                k.keyId(), k.publicJwk(), k.encryptedPrivateKey(), k.createdAt(), Optional.of(at)));
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized int deleteRetiredBefore(Instant before) {
    int size = keys.size();
    keys.removeIf(k -> k.retiredAt().filter(r -> r.isBefore(before)).isPresent());
    return size - keys.size();
  }
}
