package dev.stepup.server;

import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.VerificationKeys;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.application.port.out.version.RequestedApiVersion;
import dev.stepup.application.port.out.wallet.EmbeddedWallets;
import dev.stepup.application.port.out.wallet.WalletKeys;
import dev.stepup.application.service.environment.CheckReturnAddressService;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.prompt.CreatePromptService;
import dev.stepup.application.service.prompt.ExchangeResultCodeService;
import dev.stepup.application.service.prompt.FinishPromptService;
import dev.stepup.application.service.prompt.OpenPromptService;
import dev.stepup.application.service.stepup.CheckStepUpService;
import dev.stepup.application.service.token.ElevatedTokenService;
import dev.stepup.application.service.token.IntrospectElevatedTokenService;
import dev.stepup.application.service.token.ListElevatedTokensService;
import dev.stepup.application.service.token.ProtectedActionService;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.token.VerificationKeysService;
import dev.stepup.application.service.user.UserService;
import dev.stepup.application.service.user.UserSessionsService;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.wallet.DemoWalletService;
import dev.stepup.domain.policy.StepUpPolicy;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The step-up, token, credential and session use cases, as plain objects wired to the adapters'
 * implementations of their ports; the console's are in {@link AdminUseCaseConfiguration}, the
 * verification ceremonies in {@link VerificationUseCaseConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  TokenMint tokenMint(
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      AuditTrail audit,
      TransactionRunner transactions,
      Clock clock) {
    return new TokenMint(tokens, signer, audit, transactions, clock);
  }

  @Bean
  StepUpPolicy stepUpPolicy() {
    return new StepUpPolicy();
  }

  @Bean
  CheckStepUpService checkStepUpService(
      Environments environments,
      Users users,
      Sessions sessions,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      StepUpPolicy policy,
      AuditTrail audit,
      Clock clock) {
    return new CheckStepUpService(
        environments, users, sessions, tokens, signer, policy, audit, clock);
  }

  @Bean
  ElevatedTokenService elevatedTokenService(
      Environments environments,
      Users users,
      Sessions sessions,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      AuditTrail audit,
      TransactionRunner transactions,
      Clock clock) {
    return new ElevatedTokenService(
        environments, users, sessions, tokens, signer, audit, transactions, clock);
  }

  @Bean
  IntrospectElevatedTokenService introspectElevatedTokenService(
      Sessions sessions,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      AuditTrail audit,
      TransactionRunner transactions,
      Clock clock) {
    return new IntrospectElevatedTokenService(sessions, tokens, signer, audit, transactions, clock);
  }

  @Bean
  ListElevatedTokensService listElevatedTokensService(
      ElevatedTokens tokens, TransactionRunner transactions, Clock clock) {
    return new ListElevatedTokensService(tokens, transactions, clock);
  }

  @Bean
  CheckReturnAddressService checkReturnAddressService(Environments environments) {
    return new CheckReturnAddressService(environments);
  }

  @Bean
  VerificationKeysService verificationKeysService(VerificationKeys keys) {
    return new VerificationKeysService(keys);
  }

  @Bean
  ProtectedActionService protectedActionService(
      Environments environments,
      Sessions sessions,
      Users users,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      AuditTrail audit,
      TransactionRunner transactions,
      LegacyMfaUses legacyUses,
      RequestedApiVersion apiVersion,
      Clock clock) {
    return new ProtectedActionService(
        environments,
        sessions,
        users,
        tokens,
        signer,
        audit,
        transactions,
        legacyUses,
        apiVersion,
        clock);
  }

  @Bean
  SecurityNotifier securityNotifier(Users users, EmailSender email, SmsSender sms, Clock clock) {
    return new SecurityNotifier(users, email, sms, clock);
  }

  @Bean
  AttemptLimiter attemptLimiter(
      FailureTallies tallies,
      StepUpLockouts lockouts,
      StepUpProperties properties,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new AttemptLimiter(
        tallies, lockouts, properties.lockout().policy(), notifier, audit, clock);
  }

  @Bean
  UserService userService(
      Environments environments,
      Users users,
      Sessions sessions,
      ApiKeys apiKeys,
      ElevatedTokens tokens,
      EmbeddedWallets wallets,
      WalletKeys walletKeys,
      SecretCipher cipher,
      SecretHasher hasher,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock,
      SessionProperties sessionProperties) {
    return new UserService(
        environments,
        users,
        sessions,
        apiKeys,
        tokens,
        wallets,
        walletKeys,
        cipher,
        hasher,
        transactions,
        audit,
        clock,
        sessionProperties.timeouts());
  }

  @Bean
  UserSessionsService userSessionsService(
      Users users,
      Sessions sessions,
      ElevatedTokens tokens,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock) {
    return new UserSessionsService(users, sessions, tokens, transactions, audit, clock);
  }

  @Bean
  DemoWalletService demoWalletService(
      Environments environments,
      Sessions sessions,
      Users users,
      EmbeddedWallets wallets,
      WalletKeys keys,
      SecretCipher cipher,
      AuthorizeProtectedActionUseCase guard,
      AuditTrail audit,
      TransactionRunner transactions,
      Clock clock) {
    return new DemoWalletService(
        environments, sessions, users, wallets, keys, cipher, guard, audit, transactions, clock);
  }

  @Bean
  CreatePromptService createPromptService(
      Environments environments,
      Sessions sessions,
      Prompts prompts,
      SecretHasher hasher,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock) {
    return new CreatePromptService(
        environments, sessions, prompts, hasher, transactions, audit, clock);
  }

  @Bean
  OpenPromptService openPromptService(
      Prompts prompts, Sessions sessions, SecretHasher hasher, Clock clock) {
    return new OpenPromptService(prompts, sessions, hasher, clock);
  }

  @Bean
  FinishPromptService finishPromptService(
      Prompts prompts,
      Environments environments,
      Users users,
      StepUpPolicy policy,
      SecretHasher hasher,
      SecretCipher cipher,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock) {
    return new FinishPromptService(
        prompts, environments, users, policy, hasher, cipher, transactions, audit, clock);
  }

  @Bean
  ExchangeResultCodeService exchangeResultCodeService(
      Prompts prompts,
      SecretHasher hasher,
      SecretCipher cipher,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock) {
    return new ExchangeResultCodeService(prompts, hasher, cipher, transactions, audit, clock);
  }
}
