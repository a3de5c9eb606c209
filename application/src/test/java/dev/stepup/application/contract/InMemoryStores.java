package dev.stepup.application.contract;

import dev.stepup.application.fakes.DirectTransactions;
import dev.stepup.application.fakes.InMemoryAdminAccounts;
import dev.stepup.application.fakes.InMemoryApiKeys;
import dev.stepup.application.fakes.InMemoryCodeSendGates;
import dev.stepup.application.fakes.InMemoryContactProofs;
import dev.stepup.application.fakes.InMemoryElevatedTokens;
import dev.stepup.application.fakes.InMemoryEmbeddedWallets;
import dev.stepup.application.fakes.InMemoryEnvironments;
import dev.stepup.application.fakes.InMemoryFailureTallies;
import dev.stepup.application.fakes.InMemoryJobLeases;
import dev.stepup.application.fakes.InMemoryLegacyMfaUses;
import dev.stepup.application.fakes.InMemoryOtpChallenges;
import dev.stepup.application.fakes.InMemoryOutbox;
import dev.stepup.application.fakes.InMemoryPasskeyChallenges;
import dev.stepup.application.fakes.InMemoryPasskeys;
import dev.stepup.application.fakes.InMemoryPrompts;
import dev.stepup.application.fakes.InMemoryRecoveryCodes;
import dev.stepup.application.fakes.InMemorySessions;
import dev.stepup.application.fakes.InMemorySignInCodes;
import dev.stepup.application.fakes.InMemorySignInTallies;
import dev.stepup.application.fakes.InMemorySigningKeys;
import dev.stepup.application.fakes.InMemorySocialLogins;
import dev.stepup.application.fakes.InMemorySocialProviders;
import dev.stepup.application.fakes.InMemoryStepUpLockouts;
import dev.stepup.application.fakes.InMemoryTotpDevices;
import dev.stepup.application.fakes.InMemoryUserDirectory;
import dev.stepup.application.fakes.InMemoryUsers;
import dev.stepup.application.fakes.InMemoryWalletChallenges;
import dev.stepup.application.fakes.RecordedAuditLog;
import dev.stepup.application.fakes.RecordingAuditTrail;
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
 * The application's in-memory fakes as one store, for the contracts' in-memory runs. The
 * transaction runner runs work directly (nothing is rolled back), so the transaction contract has
 * no in-memory run.
 */
public final class InMemoryStores implements Stores {
  private final InMemoryEnvironments environments = new InMemoryEnvironments();
  private final InMemoryLegacyMfaUses legacyMfaUses = new InMemoryLegacyMfaUses();
  private final InMemoryUsers users = new InMemoryUsers();
  private final InMemorySessions sessions = new InMemorySessions();
  private final InMemoryUserDirectory userDirectory = new InMemoryUserDirectory(users, sessions);
  private final InMemoryElevatedTokens elevatedTokens = new InMemoryElevatedTokens();
  private final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
  private final InMemoryAdminAccounts adminAccounts = new InMemoryAdminAccounts();
  private final InMemorySigningKeys signingKeys = new InMemorySigningKeys();
  private final RecordingAuditTrail auditTrail = new RecordingAuditTrail();
  private final RecordedAuditLog auditLog = new RecordedAuditLog(auditTrail);
  private final DirectTransactions transactions = new DirectTransactions();
  private final InMemoryOtpChallenges otpChallenges = new InMemoryOtpChallenges();
  private final InMemoryFailureTallies failureTallies = new InMemoryFailureTallies();
  private final InMemoryTotpDevices totpDevices = new InMemoryTotpDevices();
  private final InMemoryRecoveryCodes recoveryCodes = new InMemoryRecoveryCodes();
  private final InMemoryEmbeddedWallets embeddedWallets = new InMemoryEmbeddedWallets();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final InMemoryWalletChallenges walletChallenges = new InMemoryWalletChallenges();
  private final InMemoryPasskeys passkeys = new InMemoryPasskeys();
  private final InMemoryPasskeyChallenges passkeyChallenges = new InMemoryPasskeyChallenges();
  private final InMemorySignInCodes signInCodes = new InMemorySignInCodes();
  private final InMemoryContactProofs contactProofs = new InMemoryContactProofs();
  private final InMemorySignInTallies signInTallies = new InMemorySignInTallies();
  private final InMemoryCodeSendGates codeSendGates = new InMemoryCodeSendGates();
  private final InMemoryStepUpLockouts stepUpLockouts = new InMemoryStepUpLockouts();
  private final InMemoryJobLeases jobLeases = new InMemoryJobLeases();
  private final InMemoryPrompts prompts = new InMemoryPrompts();
  private final InMemorySocialProviders socialProviders = new InMemorySocialProviders();
  private final InMemorySocialLogins socialLogins = new InMemorySocialLogins();

  @Override
  public Environments environments() {
    return environments;
  }

  @Override
  public LegacyMfaUses legacyMfaUses() {
    return legacyMfaUses;
  }

  @Override
  public Users users() {
    return users;
  }

  @Override
  public Sessions sessions() {
    return sessions;
  }

  @Override
  public UserDirectory userDirectory() {
    return userDirectory;
  }

  @Override
  public ElevatedTokens elevatedTokens() {
    return elevatedTokens;
  }

  @Override
  public ApiKeys apiKeys() {
    return apiKeys;
  }

  @Override
  public AdminAccounts adminAccounts() {
    return adminAccounts;
  }

  @Override
  public SigningKeys signingKeys() {
    return signingKeys;
  }

  @Override
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  @Override
  public AuditLog auditLog() {
    return auditLog;
  }

  @Override
  public AuditStatistics auditStatistics() {
    return auditLog;
  }

  @Override
  public TransactionRunner transactions() {
    return transactions;
  }

  @Override
  public OtpChallenges otpChallenges() {
    return otpChallenges;
  }

  @Override
  public FailureTallies failureTallies() {
    return failureTallies;
  }

  @Override
  public TotpDevices totpDevices() {
    return totpDevices;
  }

  @Override
  public RecoveryCodeStore recoveryCodes() {
    return recoveryCodes;
  }

  @Override
  public EmbeddedWallets embeddedWallets() {
    return embeddedWallets;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public WalletChallenges walletChallenges() {
    return walletChallenges;
  }

  @Override
  public Passkeys passkeys() {
    return passkeys;
  }

  @Override
  public PasskeyChallenges passkeyChallenges() {
    return passkeyChallenges;
  }

  @Override
  public SignInCodes signInCodes() {
    return signInCodes;
  }

  @Override
  public ContactProofs contactProofs() {
    return contactProofs;
  }

  @Override
  public SocialProviders socialProviders() {
    return socialProviders;
  }

  @Override
  public SocialLogins socialLogins() {
    return socialLogins;
  }

  @Override
  public SignInTallies signInTallies() {
    return signInTallies;
  }

  @Override
  public CodeSendGates codeSendGates() {
    return codeSendGates;
  }

  @Override
  public StepUpLockouts stepUpLockouts() {
    return stepUpLockouts;
  }

  @Override
  public JobLeases jobLeases() {
    return jobLeases;
  }

  @Override
  public Prompts prompts() {
    return prompts;
  }
}
