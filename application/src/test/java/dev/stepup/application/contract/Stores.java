package dev.stepup.application.contract;

import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.application.port.out.retention.JobLeases;
import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.SigningKeys;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.UserDirectory;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.application.port.out.verification.ContactProofs;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.application.port.out.wallet.EmbeddedWallets;

/**
 * One empty store behind every out-port the contracts check: the database of a JDBC run (H2 or
 * PostgreSQL, freshly migrated) or a set of in-memory fakes sharing their state. Each call answers
 * the same instance.
 */
public interface Stores {

  Environments environments();

  LegacyMfaUses legacyMfaUses();

  Users users();

  Sessions sessions();

  UserDirectory userDirectory();

  ElevatedTokens elevatedTokens();

  ApiKeys apiKeys();

  AdminAccounts adminAccounts();

  SigningKeys signingKeys();

  /** Writes the audit events {@link #auditLog()} and {@link #auditStatistics()} read. */
  AuditTrail auditTrail();

  AuditLog auditLog();

  AuditStatistics auditStatistics();

  TransactionRunner transactions();

  OtpChallenges otpChallenges();

  FailureTallies failureTallies();

  TotpDevices totpDevices();

  RecoveryCodeStore recoveryCodes();

  EmbeddedWallets embeddedWallets();

  Outbox outbox();

  WalletChallenges walletChallenges();

  Passkeys passkeys();

  PasskeyChallenges passkeyChallenges();

  SignInCodes signInCodes();

  ContactProofs contactProofs();

  SocialProviders socialProviders();

  SocialLogins socialLogins();

  SignInTallies signInTallies();

  CodeSendGates codeSendGates();

  StepUpLockouts stepUpLockouts();

  JobLeases jobLeases();

  Prompts prompts();
}
