package dev.stepup.application.port.out.security;

import java.util.List;

/**
 * Every secret stored sealed with {@link SecretCipher} (TOTP secrets, wallet and signing keys,
 * social client secrets), walked in pages so they can be resealed under a new master key.
 */
public interface SealedSecrets {

  /** One sealed value and where it lives: a kind (table and column) and the row's key. */
  record Sealed(String kind, String rowKey, byte[] ciphertext) {}

  /** The kinds of sealed value, in a fixed order. */
  List<String> kinds();

  /** Up to {@code limit} values of one kind whose row key sorts after {@code afterRowKey}. */
  List<Sealed> page(String kind, String afterRowKey, int limit);

  /** Replaces a value only if it has not changed since it was read. */
  boolean replace(Sealed current, byte[] resealed);
}
