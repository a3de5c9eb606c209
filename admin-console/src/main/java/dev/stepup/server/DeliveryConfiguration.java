package dev.stepup.server;

import dev.stepup.adapter.out.messaging.HttpSmsGateway;
import dev.stepup.adapter.out.messaging.OutboxEmailSender;
import dev.stepup.adapter.out.messaging.OutboxSmsSender;
import dev.stepup.adapter.out.messaging.SmtpEmailSender;
import dev.stepup.adapter.out.persistence.JdbcDeliveryQueue;
import dev.stepup.adapter.out.persistence.JdbcDeliveryReports;
import dev.stepup.application.port.in.delivery.CheckDeliveryHealthUseCase;
import dev.stepup.application.port.in.delivery.DeliverMessagesUseCase;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.application.port.out.delivery.DeliveryQueue;
import dev.stepup.application.port.out.delivery.DeliveryReports;
import dev.stepup.application.port.out.delivery.EmailTransport;
import dev.stepup.application.port.out.delivery.SmsTransport;
import dev.stepup.application.port.out.delivery.WebhookTransport;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.application.service.delivery.DeliverMessagesService;
import dev.stepup.application.service.delivery.DeliveryReportService;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.delivery.RetrySchedule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Message delivery: the application's {@code EmailSender} and {@code SmsSender} queue messages in
 * the database; a worker sends them after commit through SMTP / the SMS gateway, or the development
 * outbox when none is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

  /**
   * Leases and back-off are real time shared by every node, whatever clock the use cases are given
   * (tests move theirs).
   */
  private static final Clock WALL = Clock.systemUTC();

  /** The {@code EmailSender} and {@code SmsSender} every use case gets. */
  @Bean
  JdbcDeliveryQueue deliveryQueue(
      JdbcClient jdbc, SecretCipher cipher, ObjectProvider<DeliveryWorker> worker) {
    return new JdbcDeliveryQueue(jdbc, cipher, WALL, () -> worker.getObject().wakeUp());
  }

  @Bean
  JdbcDeliveryReports deliveryReports(JdbcClient jdbc) {
    return new JdbcDeliveryReports(jdbc);
  }

  /**
   * SMTP when {@code spring.mail.host} is set, else the development outbox — never in production,
   * where an unconfigured channel refuses every message (a dead letter) instead of keeping codes.
   */
  @Bean
  EmailTransport emailTransport(
      ObjectProvider<JavaMailSender> mail,
      Outbox outbox,
      StepUpProperties stepUp,
      Clock clock,
      org.springframework.core.env.Environment spring) {
    JavaMailSender smtp = mail.getIfAvailable();
    if (smtp == null) {
      return production(spring)
          ? (environmentId, to, subject, body) -> {
            throw unconfigured("no SMTP server is configured (spring.mail.host)");
          }
          : new OutboxEmailSender(outbox, clock);
    }
    if (!(smtp instanceof JavaMailSenderImpl impl)) {
      throw new IllegalStateException("spring.mail needs Spring's JavaMailSenderImpl");
    }
    return new SmtpEmailSender(impl, stepUp.mail().from());
  }

  /** The HTTP gateway when {@code stepup.sms.gateway-url} is set, else as for email. */
  @Bean
  SmsTransport smsTransport(
      Outbox outbox,
      StepUpProperties stepUp,
      Clock clock,
      org.springframework.core.env.Environment spring) {
    StepUpProperties.Sms sms = stepUp.sms();
    if (sms.gatewayUrl() != null) {
      return new HttpSmsGateway(
          new HttpSmsGateway.Settings(
              sms.gatewayUrl(), sms.bearerToken(), sms.username(), sms.password()));
    }
    return production(spring)
        ? (environmentId, phoneNumber, text) -> {
          throw unconfigured("no SMS gateway is configured (stepup.sms.gateway-url)");
        }
        : new OutboxSmsSender(outbox, clock);
  }

  private static boolean production(org.springframework.core.env.Environment spring) {
    return spring.acceptsProfiles(org.springframework.core.env.Profiles.of("prod"));
  }

  private static DeliveryFailure unconfigured(String why) {
    return new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, why, null);
  }

  @Bean
  DeliverMessagesService deliverMessages(
      DeliveryQueue queue,
      EmailTransport email,
      SmsTransport sms,
      WebhookTransport webhooks,
      DeliveryProperties delivery,
      MeterRegistry meters) {
    return new DeliverMessagesService(
        queue,
        // Every send attempt counted by channel and outcome (stepup_delivery_attempts_total).
        DeliveryMeters.counted(email, meters),
        DeliveryMeters.counted(sms, meters),
        webhooks,
        new RetrySchedule(
            delivery.maxAttempts(), delivery.firstRetryDelay(), delivery.maxRetryDelay()),
        delivery.lease(),
        WALL);
  }

  @Bean
  DeliveryReportService reportDeliveries(DeliveryReports reports, DeliveryProperties delivery) {
    return new DeliveryReportService(reports, delivery.patience(), WALL);
  }

  @Bean
  DeliveryWorker deliveryWorker(DeliverMessagesUseCase deliver, DeliveryProperties delivery) {
    return new DeliveryWorker(deliver, delivery.workers(), delivery.pollInterval());
  }

  /** The {@code mail} component of /actuator/health. */
  @Bean
  DeliveryHealthIndicator mailHealthIndicator(CheckDeliveryHealthUseCase reports) {
    return new DeliveryHealthIndicator(reports, DeliveryChannel.EMAIL);
  }

  /** The {@code sms} component of /actuator/health. */
  @Bean
  DeliveryHealthIndicator smsHealthIndicator(CheckDeliveryHealthUseCase reports) {
    return new DeliveryHealthIndicator(reports, DeliveryChannel.SMS);
  }
}
