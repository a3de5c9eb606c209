package dev.stepup.application.service.delivery;

import dev.stepup.application.port.in.delivery.DeliverMessagesUseCase;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.application.port.out.delivery.DeliveryQueue;
import dev.stepup.application.port.out.delivery.DeliveryQueue.ClaimedDelivery;
import dev.stepup.application.port.out.delivery.EmailTransport;
import dev.stepup.application.port.out.delivery.SmsTransport;
import dev.stepup.application.port.out.delivery.WebhookTransport;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.delivery.RetrySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends queued messages after the transaction that queued them committed. Each message is claimed
 * with a lease, so several workers and nodes never send the same one; no database connection is
 * held while a transport talks to the outside world. Delivery is at most once: a failure that may
 * have handed the message over, or a send that a crash left unmarked, is given up on, never
 * repeated, so a code is never sent twice. Webhooks are the exception: each carries an event id the
 * host deduplicates by, so an unconfirmed webhook is retried like a refused one.
 */
public final class DeliverMessagesService implements DeliverMessagesUseCase {

  static final String UNCONFIRMED =
      "the send started but was never confirmed (the node stopped?); not repeated";

  private static final System.Logger LOG = System.getLogger(DeliverMessagesService.class.getName());

  private final DeliveryQueue queue;
  private final EmailTransport email;
  private final SmsTransport sms;
  private final WebhookTransport webhooks;
  private final RetrySchedule retries;
  private final Duration lease;
  private final Clock clock;

  /**
   * @param lease how long a claimed message may take to send; longer than the transports' timeouts,
   *     else a slow send would be taken for a crashed one
   */
  public DeliverMessagesService(
      DeliveryQueue queue,
      EmailTransport email,
      SmsTransport sms,
      RetrySchedule retries,
      Duration lease,
      Clock clock) {
    this(
        queue,
        email,
        sms,
        (environmentId, eventId, body) -> {
          throw new DeliveryFailure(
              DeliveryFailure.Kind.PERMANENT, "webhooks are not configured", null);
        },
        retries,
        lease,
        clock);
  }

  public DeliverMessagesService(
      DeliveryQueue queue,
      EmailTransport email,
      SmsTransport sms,
      WebhookTransport webhooks,
      RetrySchedule retries,
      Duration lease,
      Clock clock) {
    this.queue = queue;
    this.email = email;
    this.sms = sms;
    this.webhooks = webhooks;
    this.retries = retries;
    this.lease = lease;
    this.clock = clock;
  }

  @Override
  public int deliverDue() {
    int abandoned = queue.abandonExpiredLeases(clock.instant(), UNCONFIRMED);
    if (abandoned > 0) {
      LOG.log(System.Logger.Level.WARNING, abandoned + " unconfirmed deliveries given up");
    }
    int attempted = 0;
    while (true) {
      Instant now = clock.instant();
      Optional<ClaimedDelivery> next = queue.claimNext(now, now.plus(lease));
      if (next.isEmpty()) {
        return attempted;
      }
      attempted++;
      deliver(next.get());
    }
  }

  private void deliver(ClaimedDelivery d) {
    try {
      if (d.channel() == DeliveryChannel.EMAIL) {
        email.send(d.environmentId(), d.recipient(), d.subject(), d.body());
      } else if (d.channel() == DeliveryChannel.WEBHOOK) {
        // The subject of a webhook delivery is its event id.
        webhooks.send(d.environmentId(), d.subject(), d.body());
      } else {
        sms.send(d.environmentId(), d.recipient(), d.body());
      }
    } catch (DeliveryFailure e) {
      failed(d, e.kind(), describe(e));
      return;
    } catch (RuntimeException e) {
      // A transport bug: the message may or may not have left.
      failed(d, DeliveryFailure.Kind.UNCONFIRMED, e.getClass().getSimpleName());
      return;
    }
    queue.markSent(d, clock.instant());
  }

  private void failed(ClaimedDelivery d, DeliveryFailure.Kind kind, String reason) {
    Instant now = clock.instant();
    boolean retryable =
        kind == DeliveryFailure.Kind.RETRY
            || (kind == DeliveryFailure.Kind.UNCONFIRMED && d.channel() == DeliveryChannel.WEBHOOK);
    Optional<Instant> next = retryable ? retries.nextAttempt(d.attempt(), now) : Optional.empty();
    LOG.log(
        System.Logger.Level.WARNING,
        "Delivery "
            + d.id()
            + " ("
            + d.channel().wire()
            + ", attempt "
            + d.attempt()
            + ") failed: "
            + reason
            + (next.isPresent() ? "; retrying at " + next.get() : "; given up"));
    if (next.isPresent()) {
      queue.markRetry(d, next.get(), reason, now);
    } else {
      String why =
          switch (retryable ? DeliveryFailure.Kind.RETRY : kind) {
            case RETRY -> "out of attempts: " + reason;
            case PERMANENT -> "refused: " + reason;
            case UNCONFIRMED -> "unconfirmed, not repeated: " + reason;
          };
      queue.markDead(d, why, now);
    }
  }

  private static String describe(DeliveryFailure e) {
    return e.getCause() == null
        ? e.getMessage()
        : e.getMessage() + " (" + e.getCause().getMessage() + ")";
  }
}
