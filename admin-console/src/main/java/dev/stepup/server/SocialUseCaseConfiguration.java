package dev.stepup.server;

import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.credential.SocialLinking;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.stepup.FinishSocialLoginService;
import dev.stepup.application.service.stepup.SocialIdentities;
import dev.stepup.application.service.stepup.SocialProviderService;
import dev.stepup.application.service.stepup.StartSocialLoginService;
import dev.stepup.application.service.stepup.VerifyStepUpService;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.domain.policy.StepUpPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Social logins: providers, starting a login, its callback, and linking the account. */
@Configuration(proxyBeanMethods = false)
class SocialUseCaseConfiguration {

  @Bean
  SocialIdentities socialIdentities(
      SocialProviders providers, OidcClient oidc, SecretCipher cipher) {
    return new SocialIdentities(providers, oidc, cipher);
  }

  @Bean
  SocialProviderService socialProviderService(
      Environments environments,
      SocialProviders providers,
      SecretCipher cipher,
      AuditTrail audit,
      Clock clock) {
    return new SocialProviderService(environments, providers, cipher, audit, clock);
  }

  @Bean
  StartSocialLoginService startSocialLoginService(
      Environments environments,
      Sessions sessions,
      Users users,
      SocialProviders providers,
      SocialLogins logins,
      OidcClient oidc,
      SecretHasher hasher,
      StepUpPolicy policy,
      AttemptLimiter limiter,
      AuditTrail audit,
      Clock clock) {
    return new StartSocialLoginService(
        environments,
        sessions,
        users,
        providers,
        logins,
        oidc,
        hasher,
        policy,
        limiter,
        audit,
        clock);
  }

  @Bean
  SocialLinking socialLinking(
      Environments environments,
      Sessions sessions,
      Users users,
      SocialLogins logins,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new SocialLinking(
        environments, sessions, users, logins, guard, transactions, notifier, audit, clock);
  }

  @Bean
  FinishSocialLoginService finishSocialLoginService(
      Environments environments,
      Sessions sessions,
      Users users,
      SocialLogins logins,
      SecretHasher hasher,
      SocialIdentities identities,
      VerifyStepUpService verification,
      SocialLinking linking,
      Clock clock) {
    return new FinishSocialLoginService(
        environments, sessions, users, logins, hasher, identities, verification, linking, clock);
  }
}
