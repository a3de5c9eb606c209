package dev.stepup.adapter.out.persistence;

import dev.stepup.application.contract.Stores;
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
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The JDBC adapters on one freshly migrated database, for the out-port contracts' H2 and PostgreSQL
 * runs.
 */
final class JdbcStores implements Stores {
  private final JdbcAuditTrail audit;
  private final JdbcTransactionRunner transactions;
  private final Environments environments;
  private final LegacyMfaUses legacyMfaUses;
  private final Users users;
  private final Sessions sessions;
  private final UserDirectory userDirectory;
  private final ElevatedTokens elevatedTokens;
  private final ApiKeys apiKeys;
  private final AdminAccounts adminAccounts;
  private final SigningKeys signingKeys;
  private final OtpChallenges otpChallenges;
  private final FailureTallies failureTallies;
  private final TotpDevices totpDevices;
  private final RecoveryCodeStore recoveryCodes;
  private final EmbeddedWallets embeddedWallets;
  private final Outbox outbox;
  private final WalletChallenges walletChallenges;
  private final Passkeys passkeys;
  private final PasskeyChallenges passkeyChallenges;
  private final SignInCodes signInCodes;
  private final ContactProofs contactProofs;
  private final SocialProviders socialProviders;
  private final SocialLogins socialLogins;
  private final SignInTallies signInTallies;
  private final CodeSendGates codeSendGates;
  private final StepUpLockouts stepUpLockouts;
  private final JobLeases jobLeases;
  private final Prompts prompts;

  /** A new H2 file database in {@code dataDir}, opened as the server opens it. */
  static JdbcStores onH2(Path dataDir) {
    return new JdbcStores(
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", ""));
  }

  /** A new database on the PostgreSQL server the PostgreSQL tests share. */
  static JdbcStores onPostgres() {
    return new JdbcStores(SharedPostgres.freshDatabase());
  }

  private JdbcStores(DataSource dataSource) {
    Migrations.flyway(dataSource).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    audit = new JdbcAuditTrail(jdbc);
    transactions = new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource));
    environments = new JdbcEnvironments(jdbc);
    legacyMfaUses = new JdbcLegacyMfaUses(jdbc);
    users = new JdbcUsers(jdbc);
    sessions = new JdbcSessions(jdbc);
    userDirectory = new JdbcUserDirectory(jdbc);
    elevatedTokens = new JdbcElevatedTokens(jdbc);
    apiKeys = new JdbcApiKeys(jdbc);
    adminAccounts = new JdbcAdminAccounts(jdbc);
    signingKeys = new JdbcSigningKeys(jdbc, transactions);
    otpChallenges = new JdbcOtpChallenges(jdbc);
    failureTallies = new JdbcFailureTallies(jdbc);
    totpDevices = new JdbcTotpDevices(jdbc);
    recoveryCodes = new JdbcRecoveryCodes(jdbc);
    embeddedWallets = new JdbcEmbeddedWallets(jdbc);
    outbox = new JdbcOutbox(jdbc);
    walletChallenges = new JdbcWalletChallenges(jdbc);
    passkeys = new JdbcPasskeys(jdbc);
    passkeyChallenges = new JdbcPasskeyChallenges(jdbc);
    signInCodes = new JdbcSignInCodes(jdbc);
    contactProofs = new JdbcContactProofs(jdbc);
    socialProviders = new JdbcSocialProviders(jdbc);
    socialLogins = new JdbcSocialLogins(jdbc);
    signInTallies = new JdbcSignInTallies(jdbc);
    codeSendGates = new JdbcCodeSendGates(jdbc);
    stepUpLockouts = new JdbcStepUpLockouts(jdbc);
    jobLeases = new JdbcJobLeases(jdbc);
    prompts = new JdbcPrompts(jdbc);
  }

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
    return audit;
  }

  @Override
  public AuditLog auditLog() {
    return audit;
  }

  @Override
  public AuditStatistics auditStatistics() {
    return audit;
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
