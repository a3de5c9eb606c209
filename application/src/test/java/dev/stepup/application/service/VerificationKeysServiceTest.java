package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.service.token.VerificationKeysService;
import org.junit.jupiter.api.Test;

class VerificationKeysServiceTest {

  @Test
  void publishesTheKeySetTheKeyStoreProvides() {
    String jwks = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\",\"crv\":\"P-256\"}]}";

    assertThat(new VerificationKeysService(() -> jwks).jwksJson()).isEqualTo(jwks);
  }
}
