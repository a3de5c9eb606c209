package dev.stepup.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryBacklogTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Duration PATIENCE = Duration.ofMinutes(2);

  static DeliveryBacklog backlog(
      Optional<Instant> oldest, long dead, Optional<Instant> sent, Optional<Instant> failed) {
    return new DeliveryBacklog(
        DeliveryChannel.EMAIL, oldest.isPresent() ? 1 : 0, oldest, dead, sent, failed);
  }

  @Test
  void aQuietOrFlowingChannelIsHealthy() {
    assertThat(
            backlog(Optional.empty(), 0, Optional.empty(), Optional.empty())
                .degraded(NOW, PATIENCE))
        .isFalse();
    assertThat(
            backlog(
                    Optional.of(NOW.minusSeconds(5)),
                    0,
                    Optional.of(NOW.minusSeconds(1)),
                    Optional.of(NOW.minusSeconds(60)))
                .degraded(NOW, PATIENCE))
        .isFalse();
  }

  @Test
  void aFailingStuckOrDeadLetteringChannelIsDegraded() {
    assertThat(
            backlog(Optional.empty(), 0, Optional.of(NOW.minusSeconds(60)), Optional.of(NOW))
                .degraded(NOW, PATIENCE))
        .as("the latest send failed")
        .isTrue();
    assertThat(
            backlog(Optional.of(NOW.minusSeconds(121)), 0, Optional.empty(), Optional.empty())
                .degraded(NOW, PATIENCE))
        .as("a message waited too long")
        .isTrue();
    assertThat(
            backlog(Optional.empty(), 1, Optional.of(NOW), Optional.empty())
                .degraded(NOW, PATIENCE))
        .as("a dead letter lately")
        .isTrue();
  }
}
