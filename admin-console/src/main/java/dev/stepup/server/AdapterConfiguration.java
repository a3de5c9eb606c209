package dev.stepup.server;

import com.zaxxer.hikari.HikariDataSource;
import dev.stepup.adapter.out.crypto.jwt.JwtElevatedTokenSigner;
import dev.stepup.adapter.out.crypto.oidc.NimbusOidcClient;
import dev.stepup.adapter.out.crypto.totp.OtpauthProvisioning;
import dev.stepup.adapter.out.crypto.totp.RfcTotpVerifier;
import dev.stepup.adapter.out.crypto.totp.ZxingQrCodes;
import dev.stepup.adapter.out.crypto.wallet.Web3jWallets;
import dev.stepup.adapter.out.crypto.webauthn.YubicoWebAuthn;
import dev.stepup.adapter.out.persistence.BatchedAuditTrail;
import dev.stepup.adapter.out.persistence.ClosedDatabaseEviction;
import dev.stepup.adapter.out.persistence.GroupCommit;
import dev.stepup.adapter.out.persistence.H2Settings;
import dev.stepup.adapter.out.persistence.JdbcAdminAccounts;
import dev.stepup.adapter.out.persistence.JdbcAuditTrail;
import dev.stepup.adapter.out.persistence.JdbcCodeSendGates;
import dev.stepup.adapter.out.persistence.JdbcContactProofs;
import dev.stepup.adapter.out.persistence.JdbcElevatedTokens;
import dev.stepup.adapter.out.persistence.JdbcEmbeddedWallets;
import dev.stepup.adapter.out.persistence.JdbcFailureTallies;
import dev.stepup.adapter.out.persistence.JdbcOtpChallenges;
import dev.stepup.adapter.out.persistence.JdbcOutbox;
import dev.stepup.adapter.out.persistence.JdbcPasskeyChallenges;
import dev.stepup.adapter.out.persistence.JdbcPasskeys;
import dev.stepup.adapter.out.persistence.JdbcPrompts;
import dev.stepup.adapter.out.persistence.JdbcRecoveryCodes;
import dev.stepup.adapter.out.persistence.JdbcSignInCodes;
import dev.stepup.adapter.out.persistence.JdbcSignInTallies;
import dev.stepup.adapter.out.persistence.JdbcSigningKeys;
import dev.stepup.adapter.out.persistence.JdbcSocialLogins;
import dev.stepup.adapter.out.persistence.JdbcSocialProviders;
import dev.stepup.adapter.out.persistence.JdbcStepUpLockouts;
import dev.stepup.adapter.out.persistence.JdbcTotpDevices;
import dev.stepup.adapter.out.persistence.JdbcTransactionRunner;
import dev.stepup.adapter.out.persistence.JdbcUserDirectory;
import dev.stepup.adapter.out.persistence.JdbcWalletChallenges;
import dev.stepup.adapter.out.persistence.Migrations;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds the outbound adapters: database, cryptography, message delivery. */
@Configuration(proxyBeanMethods = false)
class AdapterConfiguration {

  // ---- persistence ----------------------------------------------------------------------------

  /**
   * The configured database ({@code spring.datasource.*}, e.g. PostgreSQL for several nodes), or
   * else the embedded H2 file database in the data directory. The pool takes its settings from
   * {@code spring.datasource.hikari.*}.
   */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DataSourceProperties properties, StepUpProperties stepUp) {
    if (properties.getUrl() == null || properties.getUrl().isBlank()) {
      properties.setUrl(H2Settings.url(stepUp.dataDir()));
      if (properties.getUsername() == null) {
        properties.setUsername("stepup");
      }
    }
    return ClosedDatabaseEviction.install(
        properties.initializeDataSourceBuilder().type(HikariDataSource.class).build());
  }

  /** Flyway looks for the migrations where {@link Migrations} says they are. */
  @Bean
  FlywayConfigurationCustomizer migrationLocations() {
    return Migrations.locations();
  }

  @Bean
  JdbcClient jdbcClient(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }

  /** Transactions, with short writes of concurrent requests sharing one commit (ADR 0019). */
  @Bean(destroyMethod = "close")
  GroupCommit transactionRunner(
      PlatformTransactionManager transactionManager,
      @Value("${stepup.group-commit.max-group:64}") int maxGroup,
      @Value("${stepup.group-commit.linger:1ms}") Duration linger) {
    return new GroupCommit(new JdbcTransactionRunner(transactionManager), maxGroup, linger);
  }

  @Bean
  JdbcUserDirectory userDirectory(JdbcClient jdbc) {
    return new JdbcUserDirectory(jdbc);
  }

  @Bean
  JdbcElevatedTokens elevatedTokens(JdbcClient jdbc) {
    return new JdbcElevatedTokens(jdbc);
  }

  @Bean
  JdbcAdminAccounts adminAccounts(JdbcClient jdbc) {
    return new JdbcAdminAccounts(jdbc);
  }

  @Bean
  JdbcSignInTallies signInTallies(JdbcClient jdbc) {
    return new JdbcSignInTallies(jdbc);
  }

  @Bean
  JdbcSigningKeys signingKeys(JdbcClient jdbc, TransactionRunner transactions) {
    return new JdbcSigningKeys(jdbc, transactions);
  }

  /**
   * The audit trail; step-up checks, and what monitor mode counts, are stored off the request path
   * (ADR 0016).
   */
  @Bean
  BatchedAuditTrail auditTrail(JdbcClient jdbc, TransactionRunner transactions) {
    return new BatchedAuditTrail(
        new JdbcAuditTrail(jdbc),
        transactions,
        Set.of(AuditEventType.STEP_UP_CHECK, AuditEventType.STEP_UP_MONITORED),
        Duration.ofMillis(5),
        10_000);
  }

  @Bean
  JdbcOtpChallenges otpChallenges(JdbcClient jdbc) {
    return new JdbcOtpChallenges(jdbc);
  }

  @Bean
  JdbcSignInCodes signInCodes(JdbcClient jdbc) {
    return new JdbcSignInCodes(jdbc);
  }

  @Bean
  JdbcContactProofs contactProofs(JdbcClient jdbc) {
    return new JdbcContactProofs(jdbc);
  }

  @Bean
  JdbcPasskeys passkeys(JdbcClient jdbc) {
    return new JdbcPasskeys(jdbc);
  }

  @Bean
  JdbcPasskeyChallenges passkeyChallenges(JdbcClient jdbc) {
    return new JdbcPasskeyChallenges(jdbc);
  }

  @Bean
  YubicoWebAuthn webAuthn(StepUpProperties stepUp) {
    StepUpProperties.Passkeys passkeys = stepUp.passkeys();
    return new YubicoWebAuthn(
        passkeys.rpId(),
        passkeys.rpName(),
        passkeys.originsOr(stepUp.issuer()),
        passkeys.allowOriginPort());
  }

  @Bean
  JdbcSocialProviders socialProviders(JdbcClient jdbc) {
    return new JdbcSocialProviders(jdbc);
  }

  @Bean
  JdbcSocialLogins socialLogins(JdbcClient jdbc) {
    return new JdbcSocialLogins(jdbc);
  }

  @Bean
  JdbcPrompts prompts(JdbcClient jdbc) {
    return new JdbcPrompts(jdbc);
  }

  @Bean
  NimbusOidcClient oidcClient(Clock clock) {
    return new NimbusOidcClient(clock);
  }

  @Bean
  JdbcWalletChallenges walletChallenges(JdbcClient jdbc) {
    return new JdbcWalletChallenges(jdbc);
  }

  @Bean
  JdbcFailureTallies failureTallies(JdbcClient jdbc) {
    return new JdbcFailureTallies(jdbc);
  }

  @Bean
  JdbcStepUpLockouts stepUpLockouts(JdbcClient jdbc) {
    return new JdbcStepUpLockouts(jdbc);
  }

  @Bean
  JdbcCodeSendGates codeSendGates(JdbcClient jdbc) {
    return new JdbcCodeSendGates(jdbc);
  }

  @Bean
  JdbcTotpDevices totpDevices(JdbcClient jdbc) {
    return new JdbcTotpDevices(jdbc);
  }

  @Bean
  JdbcRecoveryCodes recoveryCodes(JdbcClient jdbc) {
    return new JdbcRecoveryCodes(jdbc);
  }

  @Bean
  JdbcEmbeddedWallets embeddedWallets(JdbcClient jdbc) {
    return new JdbcEmbeddedWallets(jdbc);
  }

  @Bean
  JdbcOutbox outbox(JdbcClient jdbc) {
    return new JdbcOutbox(jdbc);
  }

  // ---- cryptography ---------------------------------------------------------------------------

  // The master key, the secret cipher and the digest pepper: SecretsAtRestConfiguration.

  @Bean
  JwtElevatedTokenSigner tokenSigner(
      JdbcSigningKeys keys, SecretCipher cipher, StepUpProperties stepUp, Clock clock) {
    return new JwtElevatedTokenSigner(
        keys, cipher, stepUp.issuer(), stepUp.signingKeyRotation(), clock);
  }

  @Bean
  RfcTotpVerifier totpVerifier() {
    return new RfcTotpVerifier();
  }

  @Bean
  OtpauthProvisioning totpProvisioning() {
    return new OtpauthProvisioning();
  }

  @Bean
  ZxingQrCodes qrCodes() {
    return new ZxingQrCodes();
  }

  @Bean
  Web3jWallets wallets() {
    return new Web3jWallets();
  }

  // Message delivery (the queue and its transports): DeliveryConfiguration.
}
