package dev.stepup.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
  final RetrySchedule schedule =
      new RetrySchedule(6, Duration.ofSeconds(10), Duration.ofSeconds(60));

  @Test
  void theWaitDoublesAfterEachFailureUpToTheCap() {
    assertThat(schedule.nextAttempt(1, T)).contains(T.plusSeconds(10));
    assertThat(schedule.nextAttempt(2, T)).contains(T.plusSeconds(20));
    assertThat(schedule.nextAttempt(3, T)).contains(T.plusSeconds(40));
    assertThat(schedule.nextAttempt(4, T)).contains(T.plusSeconds(60));
    assertThat(schedule.nextAttempt(5, T)).contains(T.plusSeconds(60));
  }

  @Test
  void aMessageOutOfAttemptsIsNotTriedAgain() {
    assertThat(schedule.nextAttempt(6, T)).isEqualTo(Optional.empty());
    assertThat(new RetrySchedule(1, Duration.ZERO, Duration.ZERO).nextAttempt(1, T)).isEmpty();
  }

  @Test
  void aScheduleNeedsAnAttemptAndOrderedDelays() {
    assertThatThrownBy(() -> new RetrySchedule(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(3, Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
