package dev.stepup.server;

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
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.UserDirectory;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.service.admin.AdminSecondFactorService;
import dev.stepup.application.service.admin.AdminSignInService;
import dev.stepup.application.service.admin.DashboardService;
import dev.stepup.application.service.admin.ManageAdminsService;
import dev.stepup.application.service.audit.AuditLogService;
import dev.stepup.application.service.delivery.ReadOutboxService;
import dev.stepup.application.service.environment.BootstrapService;
import dev.stepup.application.service.environment.ConfigureStepUpService;
import dev.stepup.application.service.environment.EnvironmentAdminService;
import dev.stepup.application.service.environment.FindEnvironmentsService;
import dev.stepup.application.service.environment.HostScopeService;
import dev.stepup.application.service.mfa.RenderQrCodeService;
import dev.stepup.application.service.mfa.ResetMfaService;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.UnlockStepUpService;
import dev.stepup.application.service.user.UserDirectoryService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin console's use cases: settings, environments, admins, users, bootstrap. */
@Configuration(proxyBeanMethods = false)
class AdminUseCaseConfiguration {

  @Bean
  ConfigureStepUpService configureStepUpService(
      Environments environments, TransactionRunner transactions, AuditTrail audit, Clock clock) {
    return new ConfigureStepUpService(environments, transactions, audit, clock);
  }

  @Bean
  HostScopeService hostScopeService(
      Environments environments, TransactionRunner transactions, AuditTrail audit, Clock clock) {
    return new HostScopeService(environments, transactions, audit, clock);
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
  AdminSecondFactorService adminSecondFactorService(
      AdminAccounts admins,
      TotpVerifier totp,
      TotpProvisioning provisioning,
      SecretCipher cipher,
      TransactionRunner transactions,
      SignInTallies tallies,
      AuditTrail audit,
      Clock clock) {
    return new AdminSecondFactorService(
        admins, totp, provisioning, cipher, transactions, tallies, audit, clock);
  }

  @Bean
  ManageAdminsService manageAdminsService(
      AdminAccounts admins,
      SecretHasher hasher,
      TransactionRunner transactions,
      SignInTallies tallies,
      AuditTrail audit,
      Clock clock) {
    return new ManageAdminsService(admins, hasher, transactions, tallies, audit, clock);
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

  // Read-only use cases, so console controllers see in-ports only (LayeringTest).
  @Bean
  FindEnvironmentsService findEnvironmentsService(Environments environments) {
    return new FindEnvironmentsService(environments);
  }

  @Bean
  ReadOutboxService readOutboxService(Outbox outbox) {
    return new ReadOutboxService(outbox);
  }

  @Bean
  RenderQrCodeService renderQrCodeService(QrCodes qrCodes) {
    return new RenderQrCodeService(qrCodes);
  }
}
