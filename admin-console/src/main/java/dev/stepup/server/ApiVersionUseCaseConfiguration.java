package dev.stepup.server;

import dev.stepup.adapter.out.persistence.JdbcLegacyMfaUses;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.application.port.out.version.RequestedApiVersion;
import dev.stepup.application.service.stepup.LegacyMfaService;
import dev.stepup.application.service.stepup.VerifyStepUpService;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.version.ApiVersionService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API versions: the environment's minimum, the legacy action-based MFA calls and their counts. */
@Configuration(proxyBeanMethods = false)
class ApiVersionUseCaseConfiguration {

  @Bean
  LegacyMfaUses legacyMfaUses(JdbcClient jdbc) {
    return new JdbcLegacyMfaUses(jdbc);
  }

  @Bean
  ApiVersionService apiVersionService(
      Environments environments,
      LegacyMfaUses uses,
      AuditTrail audit,
      TransactionRunner transactions,
      Clock clock) {
    return new ApiVersionService(environments, uses, audit, transactions, clock);
  }

  @Bean
  LegacyMfaService legacyMfaService(
      Environments environments,
      Sessions sessions,
      Users users,
      CheckStepUpUseCase check,
      VerifyStepUpService verification,
      TokenMint mint,
      LegacyMfaUses uses,
      RequestedApiVersion version,
      Clock clock) {
    return new LegacyMfaService(
        environments, sessions, users, check, verification, mint, uses, version, clock);
  }
}
