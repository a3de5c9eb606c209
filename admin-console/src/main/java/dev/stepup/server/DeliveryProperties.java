package dev.stepup.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code stepup.delivery.*}: how queued emails and texts are sent.
 *
 * @param workers how many messages are sent at the same time on this node
 * @param maxAttempts sends tried before a message becomes a dead letter
 * @param firstRetryDelay wait before the second attempt; doubled for each further one
 * @param maxRetryDelay the longest wait between attempts
 * @param lease how long a claimed message may take to send; a message still unconfirmed after it is
 *     given up (not sent again). Keep it above the SMTP connect + read + write timeouts.
 * @param pollInterval how often the queue is checked for retries that fell due (new messages wake
 *     the worker at once)
 * @param patience how long a message may wait before the channel's health reports DEGRADED
 */
@ConfigurationProperties("stepup.delivery")
public record DeliveryProperties(
    Integer workers,
    Integer maxAttempts,
    Duration firstRetryDelay,
    Duration maxRetryDelay,
    Duration lease,
    Duration pollInterval,
    Duration patience) {

  public DeliveryProperties {
    workers = workers == null ? 4 : workers;
    maxAttempts = maxAttempts == null ? 8 : maxAttempts;
    firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(10) : firstRetryDelay;
    maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(10) : maxRetryDelay;
    lease = lease == null ? Duration.ofMinutes(5) : lease;
    pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
    patience = patience == null ? Duration.ofMinutes(2) : patience;
  }
}
