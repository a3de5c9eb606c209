package dev.stepup.application.port.out.security;

import java.util.Optional;

/**
 * Server keys kept in the database sealed under the master key (the digest pepper), so that a
 * master key can change while what they protect stays valid; opening them at start also proves the
 * configured master key is the right one.
 */
public interface SealedKeys {

  Optional<byte[]> find(String name);

  /** Stores the first sealed value of a key; false when one is already stored. */
  boolean addIfAbsent(String name, byte[] sealed);

  /** Replaces the sealed value only if it is still {@code expected}. */
  boolean replace(String name, byte[] expected, byte[] sealed);
}
