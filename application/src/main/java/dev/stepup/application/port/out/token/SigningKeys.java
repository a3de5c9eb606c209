package dev.stepup.application.port.out.token;

import java.time.Instant;
import java.util.List;

/** The token-signing keys every node shares, so any node can sign and verify. */
public interface SigningKeys {

  /** Every stored key, newest first. */
  List<StoredSigningKey> all();

  void add(StoredSigningKey key);

  /** Stops a key from signing; returns false when it was already retired. */
  boolean retire(String keyId, Instant at);

  /** Removes keys retired before {@code before} (no token they signed can still be valid). */
  int deleteRetiredBefore(Instant before);
}
