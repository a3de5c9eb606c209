package dev.stepup.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInTallyTest {

  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

  private static SignInTally failures(int n, Instant at) {
    SignInTally tally = SignInTally.none("user:admin", at);
    for (int i = 0; i < n; i++) {
      tally = tally.afterFailure(at);
    }
    return tally;
  }

  @Test
  void fourFailuresDoNotLock() {
    assertThat(failures(4, T0).isLocked(T0)).isFalse();
  }

  @Test
  void theFifthFailureWithinTheWindowLocksForFifteenMinutes() {
    SignInTally four = failures(4, T0);
    SignInTally five = four.afterFailure(T0.plusSeconds(60));

    assertThat(five.justLocked(four, T0.plusSeconds(60))).isTrue();
    assertThat(five.lockRemaining(T0.plusSeconds(60))).contains(Duration.ofMinutes(15));
    assertThat(five.isLocked(T0.plus(Duration.ofMinutes(16)))).isFalse();
  }

  @Test
  void failuresOutsideTheWindowStartANewCount() {
    SignInTally later = failures(4, T0).afterFailure(T0.plus(SignInTally.WINDOW));

    assertThat(later.failures()).isEqualTo(1);
    assertThat(later.isLocked(T0.plus(SignInTally.WINDOW))).isFalse();
  }

  @Test
  void failuresWhileLockedDoNotExtendTheLock() {
    SignInTally locked = failures(5, T0);
    SignInTally again = locked.afterFailure(T0.plusSeconds(120));

    assertThat(again.lockedUntil()).isEqualTo(locked.lockedUntil());
    assertThat(again.justLocked(locked, T0.plusSeconds(120))).isFalse();
  }

  @Test
  void aBlankOrHugeSubjectIsABug() {
    assertThatThrownBy(() -> SignInTally.none(" ", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignInTally.none("x".repeat(201), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otherLimitsLockAtTheirOwnThresholdForTheirOwnTimeAndTheirWindowEndsTheCount() {
    SignInTally.Limits limits =
        new SignInTally.Limits(3, Duration.ofMinutes(5), Duration.ofMinutes(2));
    SignInTally tally = SignInTally.none("exchange-ip:demo:203.0.113.7", T0);
    tally = tally.afterFailure(T0, limits).afterFailure(T0, limits);
    assertThat(tally.isLocked(T0)).isFalse();

    SignInTally third = tally.afterFailure(T0.plusSeconds(10), limits);

    assertThat(third.lockRemaining(T0.plusSeconds(10))).contains(Duration.ofMinutes(2));
    SignInTally afterWindow = failures(2, T0).afterFailure(T0.plus(Duration.ofMinutes(5)), limits);
    assertThat(afterWindow.failures()).isEqualTo(1);
    assertThatThrownBy(() -> new SignInTally.Limits(0, Duration.ofMinutes(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
