package dev.stepup.server;

import dev.stepup.adapter.out.persistence.JdbcAuditSeals;
import dev.stepup.adapter.out.persistence.JdbcJobLeases;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.audit.SealAuditTrailService;
import dev.stepup.application.service.audit.VerifyAuditChainService;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tamper-evident audit trail: records are sealed into per-environment hash chains shortly after
 * they are written ({@code stepup.audit.seal-interval}, 100ms; one node at a time), and the console
 * verifies and exports the chains.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainConfiguration {

  @Bean
  JdbcAuditSeals auditSeals(DataSource dataSource) {
    return new JdbcAuditSeals(dataSource);
  }

  @Bean
  SealAuditTrailService sealAuditTrail(
      JdbcAuditSeals seals,
      TransactionRunner transactions,
      JdbcJobLeases leases,
      Clock clock,
      @Value("${stepup.node-name:}") String nodeName) {
    return new SealAuditTrailService(
        seals,
        transactions,
        leases,
        500,
        Duration.ofMinutes(1),
        PurgeConfiguration.holderName(nodeName),
        clock);
  }

  @Bean
  VerifyAuditChainService verifyAuditChain(JdbcAuditSeals seals) {
    return new VerifyAuditChainService(seals);
  }

  @Bean
  AuditSealSchedule auditSealSchedule(
      SealAuditTrailService seal, @Value("${stepup.audit.seal-interval:100ms}") Duration interval) {
    return new AuditSealSchedule(seal, interval);
  }
}
