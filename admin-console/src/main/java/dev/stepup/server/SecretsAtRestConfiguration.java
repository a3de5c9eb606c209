package dev.stepup.server;

import dev.stepup.adapter.out.crypto.secret.AesGcmSecretCipher;
import dev.stepup.adapter.out.crypto.secret.BcryptHmacSecretHasher;
import dev.stepup.adapter.out.crypto.secret.MasterKeys;
import dev.stepup.adapter.out.persistence.JdbcSealedKeys;
import dev.stepup.adapter.out.persistence.JdbcSealedSecrets;
import dev.stepup.application.port.out.security.SealedSecrets;
import dev.stepup.application.service.operations.ResealSecretsService;
import dev.stepup.application.service.operations.SealBrowserSecretsService;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets at rest: the master key (and, while rotating, the ones it replaces), the cipher that
 * seals TOTP secrets and private keys, and the digest pepper kept sealed in the database. Opening
 * the pepper at start refuses a wrong master key before the server takes a request.
 */
@Configuration(proxyBeanMethods = false)
class SecretsAtRestConfiguration {

  @Bean
  MasterKeys masterKeys(StepUpProperties stepUp) {
    return MasterKeys.load(
        stepUp.masterKey(), stepUp.masterKeyFile(), stepUp.dataDir(), stepUp.previousMasterKeys());
  }

  @Bean
  AesGcmSecretCipher secretCipher(MasterKeys keys) {
    return keys.secretCipher();
  }

  @Bean
  JdbcSealedSecrets sealedSecrets(JdbcClient jdbc) {
    return new JdbcSealedSecrets(jdbc);
  }

  @Bean
  @DependsOnDatabaseInitialization
  BcryptHmacSecretHasher secretHasher(
      MasterKeys keys, JdbcClient jdbc, JdbcSealedSecrets sealed, AesGcmSecretCipher cipher) {
    byte[] pepper =
        keys.pepper(
            new JdbcSealedKeys(jdbc), () -> first(sealed) != null, () -> opens(sealed, cipher));
    return new BcryptHmacSecretHasher(pepper);
  }

  /** Seals what pages keep in a session (held tokens, enrolment secrets) with the master key. */
  @Bean
  SealBrowserSecretsService sealBrowserSecretsService(AesGcmSecretCipher cipher) {
    return new SealBrowserSecretsService(cipher);
  }

  @Bean
  ResealSecretsService resealSecrets(SealedSecrets sealed, AesGcmSecretCipher cipher) {
    return new ResealSecretsService(sealed, cipher);
  }

  private static SealedSecrets.Sealed first(SealedSecrets sealed) {
    for (String kind : sealed.kinds()) {
      var page = sealed.page(kind, "", 1);
      if (!page.isEmpty()) {
        return page.get(0);
      }
    }
    return null;
  }

  private static boolean opens(SealedSecrets sealed, AesGcmSecretCipher cipher) {
    try {
      cipher.decrypt(first(sealed).ciphertext());
      return true;
    } catch (IllegalStateException wrongKey) {
      return false;
    }
  }
}
