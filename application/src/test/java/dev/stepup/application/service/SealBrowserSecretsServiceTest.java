package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.XorSecretCipher;
import dev.stepup.application.service.operations.SealBrowserSecretsService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealBrowserSecretsServiceTest {

  private final SealBrowserSecretsService seals =
      new SealBrowserSecretsService(new XorSecretCipher());

  @Test
  void aSealedSecretIsNotTheSecretAndOpensToIt() {
    byte[] sealed = seals.seal("eyJ.held-token");
    assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("held-token");
    assertThat(seals.open(sealed)).contains("eyJ.held-token");
  }

  @Test
  void whatCannotBeOpenedIsNothingNotAnError() {
    assertThat(seals.open("eyJ.held-token".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(seals.open(new byte[0])).isEmpty();
    assertThat(seals.open(null)).isEmpty();
  }
}
