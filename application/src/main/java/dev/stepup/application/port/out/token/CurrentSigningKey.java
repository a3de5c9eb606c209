package dev.stepup.application.port.out.token;

import java.util.Objects;
import java.util.Optional;

/**
 * What the shared store says signs now.
 *
 * @param generation counts rotations; a rotation names the generation it replaces, so of nodes
 *     rotating at once exactly one succeeds
 * @param key the key that signs, empty before the first rotation
 */
public record CurrentSigningKey(long generation, Optional<StoredSigningKey> key) {
  public CurrentSigningKey {
    Objects.requireNonNull(key, "key");
  }
}
