package dev.stepup.server;

import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.signin.EmailSignInService;
import dev.stepup.application.service.stepup.CodeVerificationService;
import dev.stepup.application.service.stepup.PasskeyService;
import dev.stepup.application.service.stepup.SocialLoginService;
import dev.stepup.application.service.stepup.WalletVerificationService;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.UserService;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.domain.policy.StepUpPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verification ceremonies: codes, sign-in, wallets, social logins, passkeys. */
@Configuration(proxyBeanMethods = false)
class VerificationUseCaseConfiguration {

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
      TokenMint mint,
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
        mint,
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
      TokenMint mint,
      AttemptLimiter limiter,
      StepUpPolicy policy,
      StepUpProperties properties,
      AuthorizeProtectedActionUseCase guard,
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
        mint,
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
      TokenMint mint,
      AttemptLimiter limiter,
      StepUpPolicy policy,
      AuthorizeProtectedActionUseCase guard,
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
        mint,
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
      AuthorizeProtectedActionUseCase guard,
      TokenMint mint,
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
        mint,
        transactions,
        limiter,
        policy,
        notifier,
        audit,
        clock);
  }
}
