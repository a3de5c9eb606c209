package dev.stepup.server;

import dev.stepup.adapter.out.persistence.H2Housekeeping;
import dev.stepup.adapter.out.persistence.JdbcDeadRows;
import dev.stepup.adapter.out.persistence.JdbcJobLeases;
import dev.stepup.application.service.operations.PurgeExpiredDataService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The scheduled purge of dead rows (see {@link PurgeProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PurgeProperties.class)
class PurgeConfiguration {

  @Bean
  JdbcDeadRows deadRows(JdbcClient jdbc) {
    return new JdbcDeadRows(jdbc);
  }

  @Bean
  JdbcJobLeases jobLeases(JdbcClient jdbc) {
    return new JdbcJobLeases(jdbc);
  }

  @Bean
  PurgeExpiredDataService purgeExpiredData(
      JdbcDeadRows rows,
      JdbcJobLeases leases,
      PurgeProperties purge,
      Clock clock,
      @Value("${stepup.node-name:}") String nodeName) {
    return new PurgeExpiredDataService(
        rows,
        leases,
        purge.policy(),
        purge.batchSize(),
        purge.lease(),
        holderName(nodeName),
        clock);
  }

  @Bean
  PurgeSchedule purgeSchedule(PurgeExpiredDataService purge, PurgeProperties properties) {
    return new PurgeSchedule(purge, properties.interval(), properties.enabled());
  }

  /**
   * Rewrites the embedded H2 file's sparse chunks so their space is reused (ADR 0018); on another
   * database the runs do nothing.
   */
  @Bean
  H2HousekeepingSchedule h2Housekeeping(
      DataSource dataSource, @Value("${stepup.h2.housekeeping-interval:250ms}") Duration interval) {
    return new H2HousekeepingSchedule(
        new H2Housekeeping(dataSource), interval, !interval.isZero() && !interval.isNegative());
  }

  /**
   * The lease holder's name: the configured node name (stepup.node-name, so an operator reading
   * job_leases sees which node runs the purge), else the host name, plus a random part that keeps
   * it unique per process even when two nodes share a name or a host.
   */
  static String holderName(String configured) {
    String node = configured == null || configured.isBlank() ? hostName() : configured.strip();
    String name = node + "-" + UUID.randomUUID().toString().substring(0, 8);
    return name.length() > 100 ? name.substring(name.length() - 100) : name;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
