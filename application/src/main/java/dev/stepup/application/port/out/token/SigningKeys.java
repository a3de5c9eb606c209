package dev.stepup.application.port.out.token;

import java.time.Instant;
import java.util.List;

/** The token-signing keys every node shares, so any node can sign and verify. */
public interface SigningKeys {

  /** Every stored key, newest first. */
  List<StoredSigningKey> all();

  void add(StoredSigningKey key);

  /** The key every node signs with now (it is among {@link #all()}). */
  CurrentSigningKey current();

  /**
   * Atomically, if the current generation is still {@code replacing}: stores {@code fresh}, makes
   * it current and retires every other active key at {@code now}. Returns false, changing nothing,
   * when another node rotated first.
   */
  boolean rotate(long replacing, StoredSigningKey fresh, Instant now);

  /** Stops a key from signing; returns false when it was already retired. */
  boolean retire(String keyId, Instant at);

  /** Removes keys retired before {@code before} (no token they signed can still be valid). */
  int deleteRetiredBefore(Instant before);
}
