package dev.stepup.server;

import dev.stepup.application.port.in.delivery.CheckDeliveryHealthUseCase;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.application.port.out.delivery.EmailTransport;
import dev.stepup.application.port.out.delivery.SmsTransport;
import dev.stepup.domain.delivery.DeliveryBacklog;
import dev.stepup.domain.delivery.DeliveryChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The delivery queue as meters: how many messages wait and for how long, how many were given up on
 * lately (gauges read from the queue's records, as the health components do), and every send
 * attempt by channel and outcome (counted by wrapping the transports). Never a recipient.
 */
final class DeliveryMeters implements MeterBinder {

  /** A scrape reads the backlog once per channel, not once per gauge. */
  private static final Duration FRESH = Duration.ofSeconds(2);

  private final CheckDeliveryHealthUseCase reports;
  private final Map<DeliveryChannel, Reading> readings = new EnumMap<>(DeliveryChannel.class);

  DeliveryMeters(CheckDeliveryHealthUseCase reports) {
    this.reports = reports;
  }

  private record Reading(long readAtNanos, DeliveryBacklog backlog) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    for (DeliveryChannel channel : DeliveryChannel.values()) {
      gauge(
          registry,
          "stepup.delivery.waiting",
          "Messages queued and not yet sent or given up on",
          channel,
          b -> b.waiting());
      gauge(
          registry,
          "stepup.delivery.oldest.waiting.seconds",
          "Age of the oldest message waiting to be sent (0 when none waits)",
          channel,
          b ->
              b.oldestWaiting()
                  .map(t -> Math.max(0, Duration.between(t, Instant.now()).toMillis() / 1000.0))
                  .orElse(0.0));
      gauge(
          registry,
          "stepup.delivery.dead.letters.recent",
          "Messages given up on within the last hour",
          channel,
          b -> b.recentDeadLetters());
    }
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      DeliveryChannel channel,
      ToDoubleFunction<DeliveryBacklog> value) {
    Gauge.builder(
            name,
            this,
            meters -> {
              DeliveryBacklog backlog = meters.backlog(channel);
              return backlog == null ? Double.NaN : value.applyAsDouble(backlog);
            })
        .description(description)
        .tag("channel", channel.wire())
        .register(registry);
  }

  /** The channel's backlog, read at most every {@link #FRESH}; null when the database fails. */
  private synchronized DeliveryBacklog backlog(DeliveryChannel channel) {
    long now = System.nanoTime();
    Reading last = readings.get(channel);
    if (last != null && now - last.readAtNanos() < FRESH.toNanos()) {
      return last.backlog();
    }
    try {
      DeliveryBacklog backlog = reports.health(channel).backlog();
      readings.put(channel, new Reading(now, backlog));
      return backlog;
    } catch (RuntimeException e) {
      // The database's health component reports the cause; a scrape must still answer.
      readings.remove(channel);
      return null;
    }
  }

  /** The email transport, with each attempt counted. */
  static EmailTransport counted(EmailTransport email, MeterRegistry registry) {
    return (environmentId, to, subject, body) ->
        attempt(
            registry, DeliveryChannel.EMAIL, () -> email.send(environmentId, to, subject, body));
  }

  /** The SMS transport, with each attempt counted. */
  static SmsTransport counted(SmsTransport sms, MeterRegistry registry) {
    return (environmentId, phoneNumber, text) ->
        attempt(registry, DeliveryChannel.SMS, () -> sms.send(environmentId, phoneNumber, text));
  }

  private static void attempt(MeterRegistry registry, DeliveryChannel channel, Runnable send) {
    String outcome = "error";
    try {
      send.run();
      outcome = "sent";
    } catch (DeliveryFailure e) {
      outcome = e.kind().name().toLowerCase(Locale.ROOT);
      throw e;
    } finally {
      Counter.builder("stepup.delivery.attempts")
          .description(
              "Send attempts by channel and outcome (sent, retry, permanent, unconfirmed, error)")
          .tags("channel", channel.wire(), "outcome", outcome)
          .register(registry)
          .increment();
    }
  }
}
