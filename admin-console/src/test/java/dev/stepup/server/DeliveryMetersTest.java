package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.delivery.ChannelHealth;
import dev.stepup.application.port.in.delivery.CheckDeliveryHealthUseCase;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.application.port.out.delivery.EmailTransport;
import dev.stepup.application.port.out.delivery.SmsTransport;
import dev.stepup.domain.delivery.DeliveryBacklog;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.environment.EnvironmentId;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeliveryMetersTest {

  private static final EnvironmentId SHOP = new EnvironmentId("shop");
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void everySendAttemptIsCountedByOutcomeWithoutTheRecipient() {
    EmailTransport email =
        DeliveryMeters.counted(
            (environmentId, to, subject, body) -> {
              if (to.startsWith("slow")) {
                throw new DeliveryFailure(DeliveryFailure.Kind.RETRY, "timeout", null);
              }
            },
            meters);
    SmsTransport sms =
        DeliveryMeters.counted(
            (environmentId, phoneNumber, text) -> {
              throw new IllegalStateException("a transport bug");
            },
            meters);

    email.send(SHOP, "ann@example.test", "Your code", "123456");
    assertThatThrownBy(() -> email.send(SHOP, "slow@example.test", "Your code", "123456"))
        .isInstanceOf(DeliveryFailure.class);
    assertThatThrownBy(() -> sms.send(SHOP, "+14155550123", "123456"))
        .isInstanceOf(IllegalStateException.class);

    assertThat(attempts("email", "sent")).isEqualTo(1);
    assertThat(attempts("email", "retry")).isEqualTo(1);
    assertThat(attempts("sms", "error")).isEqualTo(1);
    for (Meter meter : meters.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(tag.getValue()).doesNotContain("@").doesNotContain("+1415");
      }
    }
  }

  @Test
  void gaugesReadTheBacklogAndAnswerNotANumberWhenTheDatabaseFails() {
    AtomicBoolean databaseDown = new AtomicBoolean();
    CheckDeliveryHealthUseCase reports =
        new CheckDeliveryHealthUseCase() {
          @Override
          public ChannelHealth health(DeliveryChannel channel) {
            if (databaseDown.get()) {
              throw new IllegalStateException("no connection");
            }
            return new ChannelHealth(
                new DeliveryBacklog(
                    channel,
                    channel == DeliveryChannel.EMAIL ? 3 : 0,
                    Optional.of(Instant.now().minusSeconds(60)),
                    channel == DeliveryChannel.SMS ? 2 : 0,
                    Optional.empty(),
                    Optional.empty()),
                true);
          }
        };
    new DeliveryMeters(reports).bindTo(meters);

    assertThat(gauge("stepup.delivery.waiting", "email")).isEqualTo(3);
    assertThat(gauge("stepup.delivery.dead.letters.recent", "sms")).isEqualTo(2);
    assertThat(gauge("stepup.delivery.oldest.waiting.seconds", "email")).isBetween(59.0, 120.0);

    databaseDown.set(true);
    // A fresh reading is taken at most every two seconds.
    DeliveryMeters fresh = new DeliveryMeters(reports);
    SimpleMeterRegistry other = new SimpleMeterRegistry();
    fresh.bindTo(other);
    assertThat(other.get("stepup.delivery.waiting").tag("channel", "email").gauge().value())
        .isNaN();
  }

  private double attempts(String channel, String outcome) {
    return meters
        .get("stepup.delivery.attempts")
        .tags("channel", channel, "outcome", outcome)
        .counter()
        .count();
  }

  private double gauge(String name, String channel) {
    return meters.get(name).tag("channel", channel).gauge().value();
  }
}
