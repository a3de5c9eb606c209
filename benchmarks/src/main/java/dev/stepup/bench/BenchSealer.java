package dev.stepup.bench;

import dev.stepup.adapter.out.persistence.JdbcAuditSeals;
import dev.stepup.adapter.out.persistence.JdbcJobLeases;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.audit.SealAuditTrailService;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit sealer over the real adapters, in batches of 500 as the server seals. */
final class BenchSealer {

  private BenchSealer() {}

  static SealAuditTrailService of(
      DataSource dataSource, TransactionRunner transactions, String holder, Clock clock) {
    return new SealAuditTrailService(
        new JdbcAuditSeals(dataSource),
        transactions,
        new JdbcJobLeases(JdbcClient.create(dataSource)),
        500,
        Duration.ofMinutes(5),
        holder,
        clock);
  }
}
