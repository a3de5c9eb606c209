package dev.stepup.application.port.out.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token-signing key pair as stored: the public half as a JWK (JSON), the private half encrypted
 * by the server's secret cipher.
 *
 * @param retiredAt when it stopped signing; it stays published until tokens it signed expired
 */
public record StoredSigningKey(
    String keyId,
    String publicJwk,
    byte[] encryptedPrivateKey,
    Instant createdAt,
    Optional<Instant> retiredAt) {
  public StoredSigningKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(publicJwk, "publicJwk");
    encryptedPrivateKey =
        Objects.requireNonNull(encryptedPrivateKey, "encryptedPrivateKey").clone();
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(retiredAt, "retiredAt");
  }

  @Override
  public byte[] encryptedPrivateKey() {
    return encryptedPrivateKey.clone();
  }

  @Override
  public String toString() {
    return "StoredSigningKey[keyId=" + keyId + ", createdAt=" + createdAt + "]";
  }
}
