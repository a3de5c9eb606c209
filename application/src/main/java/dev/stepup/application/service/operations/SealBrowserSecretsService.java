package dev.stepup.application.service.operations;

import dev.stepup.application.port.in.security.SealBrowserSecretsUseCase;
import dev.stepup.application.port.out.security.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** Seals session-kept secrets with the master-key cipher (AES-GCM: tampering is detected). */
public final class SealBrowserSecretsService implements SealBrowserSecretsUseCase {

  private final SecretCipher cipher;

  public SealBrowserSecretsService(SecretCipher cipher) {
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  @Override
  public byte[] seal(String secret) {
    return cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Optional<String> open(byte[] sealed) {
    if (sealed == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(cipher.decrypt(sealed), StandardCharsets.UTF_8));
    } catch (IllegalStateException | IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }
}
