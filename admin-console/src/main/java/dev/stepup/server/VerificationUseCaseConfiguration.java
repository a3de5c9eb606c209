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
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.credential.WalletLinking;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.signin.EmailSignInService;
import dev.stepup.application.service.stepup.OtpProofChecker;
import dev.stepup.application.service.stepup.PasskeyProofChecker;
import dev.stepup.application.service.stepup.PasskeyService;
import dev.stepup.application.service.stepup.RecoveryCodeProofChecker;
import dev.stepup.application.service.stepup.SendStepUpCodeService;
import dev.stepup.application.service.stepup.SocialIdentities;
import dev.stepup.application.service.stepup.SocialProofChecker;
import dev.stepup.application.service.stepup.StartPasskeyStepUpService;
import dev.stepup.application.service.stepup.StartWalletStepUpService;
import dev.stepup.application.service.stepup.TotpProofChecker;
import dev.stepup.application.service.stepup.VerifyStepUpService;
import dev.stepup.application.service.stepup.WalletChallengeIssuer;
import dev.stepup.application.service.stepup.WalletProofChecker;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.UserService;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.domain.policy.StepUpPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verification ceremonies: codes, sign-in, wallets, passkeys, and the one verification path
 * they share; social logins are in {@link SocialUseCaseConfiguration}.
 */
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
  SendStepUpCodeService sendStepUpCodeService(
      Environments environments,
      Sessions sessions,
      Users users,
      OtpChallenges challenges,
      EmailSender email,
      SmsSender sms,
      SecretHasher hasher,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      CodeSendGates sendGates,
      StepUpPolicy policy,
      AuditTrail audit,
      Clock clock) {
    return new SendStepUpCodeService(
        environments,
        sessions,
        users,
        challenges,
        email,
        sms,
        hasher,
        transactions,
        limiter,
        sendGates,
        policy,
        audit,
        clock);
  }

  /** The one verification path, with each method's proof checker. */
  @Bean
  VerifyStepUpService verifyStepUpService(
      Environments environments,
      Sessions sessions,
      Users users,
      OtpChallenges otpChallenges,
      TotpDevices totpDevices,
      RecoveryCodeStore recoveryCodes,
      TotpVerifier totp,
      Passkeys passkeys,
      PasskeyChallenges passkeyChallenges,
      WebAuthnCeremonies webAuthn,
      WalletChallenges walletChallenges,
      WalletSignatures signatures,
      SocialIdentities socialIdentities,
      SecretHasher hasher,
      SecretCipher cipher,
      TokenMint mint,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      SecurityNotifier notifier,
      StepUpPolicy policy,
      AuditTrail audit,
      Clock clock) {
    return new VerifyStepUpService(
        environments,
        sessions,
        users,
        new VerifyStepUpService.Checkers(
            new OtpProofChecker(otpChallenges, hasher, policy, notifier),
            new TotpProofChecker(totpDevices, totp, cipher, policy, notifier),
            new RecoveryCodeProofChecker(recoveryCodes, hasher, policy, notifier, transactions),
            new PasskeyProofChecker(passkeys, passkeyChallenges, webAuthn, policy, notifier),
            new WalletProofChecker(walletChallenges, signatures, policy),
            new SocialProofChecker(socialIdentities, policy)),
        mint,
        transactions,
        limiter,
        audit,
        clock);
  }

  @Bean
  WalletChallengeIssuer walletChallengeIssuer(
      WalletChallenges challenges, WalletSignatures signatures, StepUpProperties properties) {
    return new WalletChallengeIssuer(
        challenges, signatures, properties.wallet().settings(properties.issuer()));
  }

  @Bean
  StartWalletStepUpService startWalletStepUpService(
      Environments environments,
      Sessions sessions,
      Users users,
      WalletChallengeIssuer issuer,
      StepUpPolicy policy,
      AttemptLimiter limiter,
      Clock clock) {
    return new StartWalletStepUpService(
        environments, sessions, users, issuer, policy, limiter, clock);
  }

  @Bean
  WalletLinking walletLinking(
      Environments environments,
      Sessions sessions,
      Users users,
      WalletChallenges challenges,
      WalletSignatures signatures,
      WalletChallengeIssuer issuer,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail audit,
      Clock clock) {
    return new WalletLinking(
        environments,
        sessions,
        users,
        challenges,
        signatures,
        issuer,
        guard,
        transactions,
        notifier,
        new Audit(audit, clock),
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
      TransactionRunner transactions,
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
        transactions,
        notifier,
        audit,
        clock);
  }

  @Bean
  StartPasskeyStepUpService startPasskeyStepUpService(
      Environments environments,
      Sessions sessions,
      Users users,
      Passkeys passkeys,
      PasskeyChallenges challenges,
      WebAuthnCeremonies webAuthn,
      StepUpPolicy policy,
      AttemptLimiter limiter,
      Clock clock) {
    return new StartPasskeyStepUpService(
        environments, sessions, users, passkeys, challenges, webAuthn, policy, limiter, clock);
  }
}
