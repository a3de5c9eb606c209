package dev.stepup.server;

import dev.stepup.application.port.in.delivery.CheckDeliveryHealthUseCase;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.service.webhook.WebhookAuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The {@code stepup_*} meters at {@code /actuator/prometheus}: step-up events counted from the
 * audit trail, the delivery queue read from its records, and who may scrape them ({@link
 * ScrapeAccess}). Request latencies are Spring's own {@code http_server_requests_seconds}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsConfiguration {

  /** The trail every use case writes to: the database's, counted on the way. */
  @Bean
  @Primary
  AuditTrail meteredAuditTrail(WebhookAuditTrail trail, MeterRegistry meters) {
    return new MeteredAuditTrail(trail, meters);
  }

  @Bean
  DeliveryMeters deliveryMeters(CheckDeliveryHealthUseCase reports) {
    return new DeliveryMeters(reports);
  }

  @Bean
  ScrapeAccess scrapeAccess(MetricsProperties metrics, Environment environment) {
    return new ScrapeAccess(
        metrics.scrapeToken(), ManagementPortType.get(environment) == ManagementPortType.DIFFERENT);
  }
}
