package dev.stepup.server;

import dev.stepup.application.port.in.credential.LinkSocialAccountUseCase;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.credential.StartContactLinkUseCase;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.QrCodes;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.mfa.TotpProvisioning;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.application.port.out.verification.ContactProofs;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.service.credential.ContactProofService;
import dev.stepup.application.service.credential.CredentialService;
import dev.stepup.application.service.credential.LinkCredentialService;
import dev.stepup.application.service.mfa.MfaService;
import dev.stepup.application.service.notice.SecurityNotifier;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases of a user's own credentials: MFA devices and recovery codes, linking (with proof)
 * and unlinking; wired like {@link UseCaseConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class CredentialUseCaseConfiguration {

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
      AuthorizeProtectedActionUseCase guard,
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
      AuthorizeProtectedActionUseCase guard,
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
      CodeSendGates sendGates,
      SecretHasher hasher,
      AuthorizeProtectedActionUseCase guard,
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
        sendGates,
        hasher,
        guard,
        transactions,
        notifier,
        audit,
        clock);
  }

  @Bean
  LinkCredentialService linkCredentialService(
      StartContactLinkUseCase contacts,
      LinkWalletUseCase wallets,
      LinkSocialAccountUseCase socialAccounts) {
    return new LinkCredentialService(contacts, wallets, socialAccounts);
  }
}
