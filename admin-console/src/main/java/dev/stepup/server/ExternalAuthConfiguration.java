package dev.stepup.server;

import dev.stepup.adapter.out.crypto.externalauth.NimbusClientAssertionVerifier;
import dev.stepup.adapter.out.crypto.externalauth.NimbusExternalTokenVerifier;
import dev.stepup.adapter.out.persistence.JdbcBackendClients;
import dev.stepup.adapter.out.persistence.JdbcExternalAuth;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.externalauth.BackendClientService;
import dev.stepup.application.service.externalauth.ClientAssertionService;
import dev.stepup.application.service.externalauth.ExternalIdentityProviderService;
import dev.stepup.application.service.externalauth.ExternalUsers;
import dev.stepup.application.service.externalauth.TokenExchangeService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bring your own auth: the trusted identity provider and token exchange; backend clients and their
 * signed assertions.
 */
@Configuration(proxyBeanMethods = false)
class ExternalAuthConfiguration {

  @Bean
  JdbcExternalAuth externalAuth(JdbcClient jdbc) {
    return new JdbcExternalAuth(jdbc);
  }

  /**
   * JWKS fetches time out after {@code stepup.external-auth.jwks-timeout}; a fetched set is kept
   * for {@code jwks-cache}; an unknown key id fetches again at most twice per {@code
   * jwks-refresh-interval}.
   */
  @Bean
  NimbusExternalTokenVerifier externalTokenVerifier(
      @Value("${stepup.external-auth.jwks-timeout:3s}") Duration timeout,
      @Value("${stepup.external-auth.jwks-cache:15m}") Duration cache,
      @Value("${stepup.external-auth.jwks-refresh-interval:30s}") Duration refresh) {
    return new NimbusExternalTokenVerifier(timeout, cache, refresh);
  }

  @Bean
  ExternalIdentityProviderService externalIdentityProviderService(
      Environments environments, JdbcExternalAuth providers, AuditTrail audit, Clock clock) {
    return new ExternalIdentityProviderService(environments, providers, audit, clock);
  }

  @Bean
  TokenExchangeService tokenExchangeService(
      Environments environments,
      JdbcExternalAuth external,
      NimbusExternalTokenVerifier verifier,
      Users users,
      Sessions sessions,
      SecretHasher hasher,
      TransactionRunner transactions,
      SessionProperties sessionProperties,
      SignInTallies tallies,
      AuditTrail audit,
      Clock clock) {
    return new TokenExchangeService(
        environments,
        external,
        verifier,
        new ExternalUsers(users, external, transactions, audit, clock),
        sessions,
        hasher,
        sessionProperties.timeouts(),
        tallies,
        audit,
        clock);
  }

  @Bean
  JdbcBackendClients backendClients(JdbcClient jdbc) {
    return new JdbcBackendClients(jdbc);
  }

  @Bean
  NimbusClientAssertionVerifier clientAssertionVerifier() {
    return new NimbusClientAssertionVerifier();
  }

  @Bean
  BackendClientService backendClientService(
      Environments environments,
      JdbcBackendClients clients,
      NimbusClientAssertionVerifier keys,
      AuditTrail audit,
      Clock clock) {
    return new BackendClientService(environments, clients, keys, audit, clock);
  }

  @Bean
  ClientAssertionService clientAssertionService(
      Environments environments,
      JdbcBackendClients clients,
      NimbusClientAssertionVerifier verifier,
      SignInTallies tallies,
      AuditTrail audit,
      Clock clock) {
    return new ClientAssertionService(
        environments, clients, verifier, clients, tallies, audit, clock);
  }
}
