package dev.stepup.server;

import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.ProtectedActionGuard;
import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.QrCodes;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.mfa.TotpProvisioning;
import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.VerificationKeys;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.UserDirectory;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.application.port.out.verification.ContactProofs;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.port.out.wallet.EmbeddedWallets;
import dev.stepup.application.port.out.wallet.WalletKeys;
import dev.stepup.application.service.AdminSignInService;
import dev.stepup.application.service.AttemptLimiter;
import dev.stepup.application.service.AuditLogService;
import dev.stepup.application.service.BootstrapService;
import dev.stepup.application.service.CheckStepUpService;
import dev.stepup.application.service.CodeVerificationService;
import dev.stepup.application.service.ConfigureStepUpService;
import dev.stepup.application.service.ContactProofService;
import dev.stepup.application.service.CredentialService;
import dev.stepup.application.service.DashboardService;
import dev.stepup.application.service.DemoWalletService;
import dev.stepup.application.service.ElevatedTokenService;
import dev.stepup.application.service.EmailSignInService;
import dev.stepup.application.service.EnvironmentAdminService;
import dev.stepup.application.service.MfaService;
import dev.stepup.application.service.PasskeyService;
import dev.stepup.application.service.ProtectedActionService;
import dev.stepup.application.service.ResetMfaService;
import dev.stepup.application.service.SecurityNotifier;
import dev.stepup.application.service.SocialLoginService;
import dev.stepup.application.service.UnlockStepUpService;
import dev.stepup.application.service.UserDirectoryService;
import dev.stepup.application.service.UserService;
import dev.stepup.application.service.UserSessionsService;
import dev.stepup.application.service.VerificationKeysService;
import dev.stepup.application.service.WalletVerificationService;
import dev.stepup.domain.policy.StepUpPolicy;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, as plain objects wired to the adapters' implementations of their ports. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
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
      StepUpPolicy policy,
      AuditTrail audit,
      Clock clock) {
    return new CheckStepUpService(environments, users, sessions, tokens, policy, audit, clock);
  }

  @Bean
  ElevatedTokenService elevatedTokenService(
      Environments environments,
      Users users,
      Sessions sessions,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock) {
    return new ElevatedTokenService(
        environments, users, sessions, tokens, signer, transactions, audit, clock);
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
      Clock clock) {
    return new ProtectedActionService(environments, sessions, users, tokens, signer, audit, clock);
  }

  @Bean
  ConfigureStepUpService configureStepUpService(
      Environments environments, TransactionRunner transactions, AuditTrail audit, Clock clock) {
    return new ConfigureStepUpService(environments, transactions, audit, clock);
  }

  @Bean
  EnvironmentAdminService environmentAdminService(
      Environments environments,
      ApiKeys apiKeys,
      SecretHasher hasher,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock) {
    return new EnvironmentAdminService(environments, apiKeys, hasher, transactions, audit, clock);
  }

  @Bean
  AdminSignInService adminSignInService(SignInTallies tallies, AuditTrail audit, Clock clock) {
    return new AdminSignInService(tallies, audit, clock);
  }

  @Bean
  dev.stepup.application.service.AdminSecondFactorService adminSecondFactorService(
      AdminAccounts admins,
      TotpVerifier totp,
      TotpProvisioning provisioning,
      SecretCipher cipher,
      TransactionRunner transactions,
      SignInTallies tallies,
      AuditTrail audit,
      Clock clock) {
    return new dev.stepup.application.service.AdminSecondFactorService(
        admins, totp, provisioning, cipher, transactions, tallies, audit, clock);
  }

  @Bean
  dev.stepup.application.service.ManageAdminsService manageAdminsService(
      AdminAccounts admins,
      SecretHasher hasher,
      TransactionRunner transactions,
      SignInTallies tallies,
      AuditTrail audit,
      Clock clock) {
    return new dev.stepup.application.service.ManageAdminsService(
        admins, hasher, transactions, tallies, audit, clock);
  }

  @Bean
  UserDirectoryService userDirectoryService(
      Users users,
      UserDirectory directory,
      TotpDevices totpDevices,
      Passkeys passkeys,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      AuditLog auditLog,
      Clock clock) {
    return new UserDirectoryService(
        users, directory, totpDevices, passkeys, recoveryCodes, tokens, auditLog, clock);
  }

  @Bean
  ResetMfaService resetMfaService(
      Users users,
      TotpDevices totpDevices,
      Passkeys passkeys,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      Sessions sessions,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new ResetMfaService(
        users,
        totpDevices,
        passkeys,
        recoveryCodes,
        tokens,
        sessions,
        transactions,
        notifier,
        audit,
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
  UnlockStepUpService unlockStepUpService(
      Users users, StepUpLockouts lockouts, AuditTrail audit, Clock clock) {
    return new UnlockStepUpService(users, lockouts, audit, clock);
  }

  @Bean
  DashboardService dashboardService(
      Environments environments, AuditStatistics statistics, ElevatedTokens tokens, Clock clock) {
    return new DashboardService(environments, statistics, tokens, clock);
  }

  @Bean
  AuditLogService auditLogService(AuditLog log) {
    return new AuditLogService(log);
  }

  @Bean
  BootstrapService bootstrapService(
      Environments environments,
      ApiKeys apiKeys,
      AdminAccounts admins,
      SecretHasher hasher,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock) {
    return new BootstrapService(environments, apiKeys, admins, hasher, transactions, audit, clock);
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
  EmailSignInService emailSignInService(
      Environments environments,
      Users users,
      SignInCodes codes,
      EmailSender email,
      SecretHasher hasher,
      UserService sessions,
      TransactionRunner transactions,
      SignInTallies tallies,
      CodeSendGates sendGates,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new EmailSignInService(
        environments,
        users,
        sessions,
        codes,
        email,
        hasher,
        sessions,
        transactions,
        tallies,
        sendGates,
        notifier,
        audit,
        clock);
  }

  @Bean
  CodeVerificationService codeVerificationService(
      Environments environments,
      Sessions sessions,
      Users users,
      OtpChallenges challenges,
      TotpDevices totpDevices,
      RecoveryCodeStore recoveryCodes,
      EmailSender email,
      SmsSender sms,
      TotpVerifier totp,
      SecretHasher hasher,
      SecretCipher cipher,
      IssueElevatedTokenUseCase issuer,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      CodeSendGates sendGates,
      SecurityNotifier notifier,
      StepUpPolicy policy,
      AuditTrail audit,
      Clock clock) {
    return new CodeVerificationService(
        environments,
        sessions,
        users,
        challenges,
        totpDevices,
        recoveryCodes,
        email,
        sms,
        totp,
        hasher,
        cipher,
        issuer,
        transactions,
        limiter,
        sendGates,
        notifier,
        policy,
        audit,
        clock);
  }

  @Bean
  WalletVerificationService walletVerificationService(
      Environments environments,
      Sessions sessions,
      Users users,
      WalletChallenges challenges,
      WalletSignatures signatures,
      IssueElevatedTokenUseCase issuer,
      AttemptLimiter limiter,
      StepUpPolicy policy,
      StepUpProperties properties,
      ProtectedActionGuard guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new WalletVerificationService(
        environments,
        sessions,
        users,
        challenges,
        signatures,
        issuer,
        limiter,
        policy,
        properties.wallet().settings(properties.issuer()),
        guard,
        transactions,
        notifier,
        audit,
        clock);
  }

  @Bean
  SocialLoginService socialLoginService(
      Environments environments,
      Sessions sessions,
      Users users,
      SocialProviders providers,
      SocialLogins logins,
      OidcClient oidc,
      SecretCipher cipher,
      SecretHasher hasher,
      IssueElevatedTokenUseCase issuer,
      AttemptLimiter limiter,
      StepUpPolicy policy,
      ProtectedActionGuard guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new SocialLoginService(
        environments,
        sessions,
        users,
        providers,
        logins,
        oidc,
        cipher,
        hasher,
        issuer,
        limiter,
        policy,
        guard,
        transactions,
        notifier,
        audit,
        clock);
  }

  @Bean
  PasskeyService passkeyService(
      Environments environments,
      Sessions sessions,
      Users users,
      Passkeys passkeys,
      PasskeyChallenges challenges,
      WebAuthnCeremonies webAuthn,
      RecoveryCodeStore recoveryCodes,
      SecretHasher hasher,
      ElevatedTokens tokens,
      ProtectedActionGuard guard,
      IssueElevatedTokenUseCase issuer,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      StepUpPolicy policy,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new PasskeyService(
        environments,
        sessions,
        users,
        passkeys,
        challenges,
        webAuthn,
        recoveryCodes,
        hasher,
        tokens,
        guard,
        issuer,
        transactions,
        limiter,
        policy,
        notifier,
        audit,
        clock);
  }

  @Bean
  MfaService mfaService(
      Environments environments,
      Sessions sessions,
      Users users,
      TotpDevices devices,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      TotpVerifier totp,
      TotpProvisioning provisioning,
      QrCodes qrCodes,
      SecretCipher cipher,
      SecretHasher hasher,
      ProtectedActionGuard guard,
      TransactionRunner transactions,
      FailureTallies tallies,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new MfaService(
        environments,
        sessions,
        users,
        devices,
        recoveryCodes,
        tokens,
        totp,
        provisioning,
        qrCodes,
        cipher,
        hasher,
        guard,
        transactions,
        tallies,
        notifier,
        audit,
        clock);
  }

  @Bean
  CredentialService credentialService(
      Environments environments,
      Sessions sessions,
      Users users,
      TotpDevices totpDevices,
      Passkeys passkeys,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      ProtectedActionGuard guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new CredentialService(
        environments,
        sessions,
        users,
        totpDevices,
        passkeys,
        recoveryCodes,
        tokens,
        guard,
        transactions,
        notifier,
        audit,
        clock);
  }

  @Bean
  ContactProofService contactProofService(
      Environments environments,
      Sessions sessions,
      Users users,
      ContactProofs proofs,
      EmailSender email,
      SmsSender sms,
      SecretHasher hasher,
      ProtectedActionGuard guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new ContactProofService(
        environments,
        sessions,
        users,
        proofs,
        email,
        sms,
        hasher,
        guard,
        transactions,
        notifier,
        audit,
        clock);
  }

  @Bean
  DemoWalletService demoWalletService(
      Environments environments,
      Sessions sessions,
      Users users,
      EmbeddedWallets wallets,
      WalletKeys keys,
      SecretCipher cipher,
      ProtectedActionGuard guard,
      AuditTrail audit,
      Clock clock) {
    return new DemoWalletService(
        environments, sessions, users, wallets, keys, cipher, guard, audit, clock);
  }
}
