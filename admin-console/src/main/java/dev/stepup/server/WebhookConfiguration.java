package dev.stepup.server;

import dev.stepup.adapter.out.messaging.HttpWebhookPoster;
import dev.stepup.adapter.out.persistence.BatchedAuditTrail;
import dev.stepup.adapter.out.persistence.JdbcDeliveryQueue;
import dev.stepup.adapter.out.persistence.JdbcWebhookDeliveries;
import dev.stepup.adapter.out.persistence.JdbcWebhookSettings;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.webhook.WebhookSettingsStore;
import dev.stepup.application.service.webhook.SignedWebhookTransport;
import dev.stepup.application.service.webhook.WebhookAdminService;
import dev.stepup.application.service.webhook.WebhookAuditTrail;
import dev.stepup.application.service.webhook.WebhookRemovalService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhooks: step-up events queued next to their audit record (the delivery queue's webhook channel)
 * and POSTed, signed, by the delivery workers. Endpoints on loopback ({@code http://localhost}) are
 * accepted unless the {@code prod} profile is active, or when {@code
 * stepup.webhooks.allow-loopback} says so explicitly.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  /** Leases and signature timestamps are real time, whatever clock the use cases get. */
  private static final Clock WALL = Clock.systemUTC();

  @Bean
  JdbcWebhookSettings webhookSettings(JdbcClient jdbc) {
    return new JdbcWebhookSettings(jdbc);
  }

  @Bean
  JdbcWebhookDeliveries webhookDeliveries(JdbcClient jdbc) {
    return new JdbcWebhookDeliveries(jdbc);
  }

  /** The audit trail the metered one wraps: every audited step-up event may queue a webhook. */
  @Bean
  WebhookAuditTrail webhookAuditTrail(
      BatchedAuditTrail trail, WebhookSettingsStore settings, JdbcDeliveryQueue queue) {
    return new WebhookAuditTrail(trail, settings, queue);
  }

  @Bean
  SignedWebhookTransport webhookTransport(
      WebhookSettingsStore settings,
      SecretCipher cipher,
      Environment spring,
      @Value("${stepup.webhooks.allow-loopback:}") String allowLoopback,
      @Value("${stepup.webhooks.connect-timeout:5s}") Duration connectTimeout,
      @Value("${stepup.webhooks.read-timeout:10s}") Duration readTimeout) {
    return new SignedWebhookTransport(
        settings,
        cipher,
        new HttpWebhookPoster(connectTimeout, readTimeout, loopback(spring, allowLoopback)),
        WALL);
  }

  @Bean
  WebhookAdminService webhookAdmin(
      Environments environments,
      WebhookSettingsStore settings,
      JdbcWebhookDeliveries deliveries,
      SecretCipher cipher,
      TransactionRunner transactions,
      dev.stepup.application.port.out.audit.AuditTrail audit,
      Clock clock,
      Environment spring,
      @Value("${stepup.webhooks.allow-loopback:}") String allowLoopback) {
    return new WebhookAdminService(
        environments,
        settings,
        deliveries,
        cipher,
        transactions,
        audit,
        clock,
        loopback(spring, allowLoopback));
  }

  @Bean
  WebhookRemovalService webhookRemoval(
      Environments environments,
      WebhookSettingsStore settings,
      JdbcDeliveryQueue queue,
      TransactionRunner transactions,
      dev.stepup.application.port.out.audit.AuditTrail audit,
      Clock clock) {
    return new WebhookRemovalService(environments, settings, queue, transactions, audit, clock);
  }

  /** Explicit setting, else allowed outside production (the demo and development setup). */
  static boolean loopback(Environment spring, String setting) {
    if (setting != null && !setting.isBlank()) {
      return Boolean.parseBoolean(setting.strip());
    }
    return !spring.acceptsProfiles(Profiles.of("prod"));
  }
}
