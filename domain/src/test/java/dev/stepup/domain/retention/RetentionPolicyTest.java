package dev.stepup.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void eachKindOfDeadDataIsKeptForItsOwnRetention() {
    RetentionPolicy policy = RetentionPolicy.DEFAULT;
    assertThat(policy.cutoff(DeadData.SESSIONS, NOW)).isEqualTo(NOW.minus(Duration.ofDays(7)));
    assertThat(policy.cutoff(DeadData.ELEVATED_TOKENS, NOW))
        .isEqualTo(NOW.minus(Duration.ofDays(7)));
    assertThat(policy.cutoff(DeadData.DELIVERIES, NOW)).isEqualTo(NOW.minus(Duration.ofDays(30)));
    assertThat(policy.cutoff(DeadData.OUTBOX_MESSAGES, NOW))
        .isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(policy.cutoff(DeadData.AUDIT_EVENTS, NOW))
        .isEqualTo(NOW.minus(Duration.ofDays(400)));
    assertThat(policy.cutoff(DeadData.HTTP_SESSIONS, NOW)).isEqualTo(NOW);
  }

  @Test
  void aRetentionShortEnoughToResetSendLimitsOrLockoutsIsRefused() {
    Duration day = Duration.ofDays(1);
    assertThatThrownBy(() -> new RetentionPolicy(Duration.ofMinutes(59), day, day, day))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention must be at least PT1H");
    assertThatThrownBy(() -> new RetentionPolicy(day, day, day, Duration.ofHours(23)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("audit retention");
    assertThat(new RetentionPolicy(Duration.ofHours(1), day, day, day).afterEnd())
        .isEqualTo(Duration.ofHours(1));
  }
}
