package dev.stepup.application.service.delivery;

import dev.stepup.application.port.in.delivery.ChannelHealth;
import dev.stepup.application.port.in.delivery.CheckDeliveryHealthUseCase;
import dev.stepup.application.port.in.delivery.FailedDelivery;
import dev.stepup.application.port.in.delivery.ListFailedDeliveriesUseCase;
import dev.stepup.application.port.out.delivery.DeliveryReports;
import dev.stepup.domain.credential.Masking;
import dev.stepup.domain.delivery.DeliveryBacklog;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reports delivery from the queue's records alone: it never contacts a mail server or gateway. */
public final class DeliveryReportService
    implements CheckDeliveryHealthUseCase, ListFailedDeliveriesUseCase {

  /** Dead letters count against health for this long. */
  static final Duration DEAD_LETTER_WINDOW = Duration.ofHours(1);

  private final DeliveryReports reports;
  private final Duration patience;
  private final Clock clock;

  /**
   * @param patience how long a message may wait before its channel counts as degraded
   */
  public DeliveryReportService(DeliveryReports reports, Duration patience, Clock clock) {
    this.reports = reports;
    this.patience = patience;
    this.clock = clock;
  }

  @Override
  public ChannelHealth health(DeliveryChannel channel) {
    Instant now = clock.instant();
    DeliveryBacklog backlog = reports.backlog(channel, now.minus(DEAD_LETTER_WINDOW));
    return new ChannelHealth(backlog, backlog.degraded(now, patience));
  }

  @Override
  public List<FailedDelivery> failed(EnvironmentId environmentId, int limit) {
    return reports.troubled(environmentId, limit).stream()
        .map(
            t ->
                new FailedDelivery(
                    t.channel().wire(),
                    t.channel() == DeliveryChannel.EMAIL
                        ? Masking.email(t.recipient())
                        : Masking.phone(t.recipient()),
                    t.dead() ? "dead letter" : "retrying",
                    t.attempts(),
                    t.queuedAt(),
                    t.nextAttempt(),
                    t.lastError().orElse("")))
        .toList();
  }
}
