package dev.stepup.server;

import dev.stepup.adapter.in.web.api.version.ApiVersionInterceptor;
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
import dev.stepup.domain.environment.ApiVersion;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** API versions: the environment's minimum, the legacy action-based MFA calls and their counts. */
@Configuration(proxyBeanMethods = false)
class ApiVersionUseCaseConfiguration {

  @Bean
  LegacyMfaUses legacyMfaUses(JdbcClient jdbc) {
    return new JdbcLegacyMfaUses(jdbc);
  }

  /**
   * The API version of the HTTP request served on this thread, as the web adapter read it; legacy
   * outside an API request (a hosted page or a job names none).
   */
  @Bean
  RequestedApiVersion requestedApiVersion() {
    return () ->
        RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getAttribute(ApiVersionInterceptor.ATTRIBUTE)
                    instanceof ApiVersion version
            ? version
            : ApiVersion.LEGACY;
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
