package dev.stepup.adapter.in.web;

import dev.stepup.application.fakes.XorSecretCipher;
import dev.stepup.application.service.operations.SealBrowserSecretsService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The real sealing of what pages keep in a session (held tokens, enrolment secrets), over a
 * reversible stand-in cipher, so slice tests hold and hand out tokens as the server does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceSecrets {

  @Bean
  SealBrowserSecretsService sealBrowserSecrets() {
    return new SealBrowserSecretsService(new XorSecretCipher());
  }
}
