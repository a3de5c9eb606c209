package dev.stepup.server;

import dev.stepup.application.port.in.delivery.ChannelHealth;
import dev.stepup.application.port.in.delivery.CheckDeliveryHealthUseCase;
import dev.stepup.domain.delivery.DeliveryBacklog;
import dev.stepup.domain.delivery.DeliveryChannel;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A delivery channel's health, read from the queue's records: it never connects to the mail server
 * or gateway, and reports {@code DEGRADED} (ordered below UP, so the server stays UP) rather than
 * DOWN. Not part of readiness: requests do not need delivery to succeed.
 */
final class DeliveryHealthIndicator implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "delivery is failing or falling behind");

  private final CheckDeliveryHealthUseCase reports;
  private final DeliveryChannel channel;

  DeliveryHealthIndicator(CheckDeliveryHealthUseCase reports, DeliveryChannel channel) {
    this.reports = reports;
    this.channel = channel;
  }

  @Override
  public Health health() {
    ChannelHealth health;
    try {
      health = reports.health(channel);
    } catch (RuntimeException e) {
      // The database's own component reports it; delivery does not add a DOWN.
      return Health.unknown().withDetail("error", e.getClass().getSimpleName()).build();
    }
    DeliveryBacklog b = health.backlog();
    Health.Builder builder = health.degraded() ? Health.status(DEGRADED) : Health.up();
    builder
        .withDetail("waiting", b.waiting())
        .withDetail("deadLettersLastHour", b.recentDeadLetters());
    b.oldestWaiting().ifPresent(t -> builder.withDetail("oldestWaitingSince", t.toString()));
    b.lastSent().ifPresent(t -> builder.withDetail("lastSent", t.toString()));
    b.lastFailure().ifPresent(t -> builder.withDetail("lastFailure", t.toString()));
    return builder.build();
  }
}
