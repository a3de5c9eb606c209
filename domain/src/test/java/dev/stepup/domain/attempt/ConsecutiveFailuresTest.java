package dev.stepup.domain.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsecutiveFailuresTest {

  static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
  static final UserId ANN = new UserId("usr_ann");

  private static ConsecutiveFailures fail(
      ConsecutiveFailures from, int times, HardLockPolicy policy, Instant at) {
    ConsecutiveFailures t = from;
    for (int i = 0; i < times; i++) {
      t = t.afterFailure(policy, at);
    }
    return t;
  }

  @Test
  void theHundredthFailureInARowLocksEveryMethodForADay() {
    ConsecutiveFailures ninetyNine =
        fail(ConsecutiveFailures.none(ANN), 99, HardLockPolicy.DEFAULT, NOW);
    assertThat(ninetyNine.isLocked(NOW)).isFalse();

    ConsecutiveFailures hundred = ninetyNine.afterFailure(HardLockPolicy.DEFAULT, NOW);

    assertThat(hundred.justLocked(ninetyNine, NOW)).isTrue();
    assertThat(hundred.lockRemaining(NOW)).contains(Duration.ofHours(24));
    assertThat(hundred.isLocked(NOW.plus(Duration.ofHours(24)))).isFalse();
  }

  @Test
  void aLowerCapIsHonouredButNeverAHigherOne() {
    HardLockPolicy ten = new HardLockPolicy(10, Duration.ofHours(1));
    assertThat(fail(ConsecutiveFailures.none(ANN), 10, ten, NOW).lockRemaining(NOW))
        .contains(Duration.ofHours(1));
    assertThatThrownBy(() -> new HardLockPolicy(101, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HardLockPolicy(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failuresDoNotAgeOutOnlyASuccessOrTheCoolDownResetsThem() {
    HardLockPolicy ten = new HardLockPolicy(10, Duration.ofHours(1));
    // Slow guessing, one a day, is still counted: there is no window.
    ConsecutiveFailures t = ConsecutiveFailures.none(ANN);
    for (int day = 0; day < 10; day++) {
      t = t.afterFailure(ten, NOW.plus(Duration.ofDays(day)));
    }
    Instant tenthDay = NOW.plus(Duration.ofDays(9));
    assertThat(t.isLocked(tenthDay)).isTrue();

    Instant afterCoolDown = tenthDay.plus(Duration.ofHours(1));
    ConsecutiveFailures fresh = t.afterFailure(ten, afterCoolDown);
    assertThat(fresh.count()).isEqualTo(1);
    assertThat(fresh.isLocked(afterCoolDown)).isFalse();
  }

  @Test
  void whileLockedFurtherFailuresDoNotExtendTheLock() {
    HardLockPolicy ten = new HardLockPolicy(10, Duration.ofHours(1));
    ConsecutiveFailures locked = fail(ConsecutiveFailures.none(ANN), 10, ten, NOW);
    ConsecutiveFailures more = locked.afterFailure(ten, NOW.plusSeconds(60));
    assertThat(more.lockedUntil()).isEqualTo(locked.lockedUntil());
    assertThat(more.justLocked(locked, NOW.plusSeconds(60))).isFalse();
  }

  @Test
  void takingBackTheAttemptThatSetTheLockLiftsIt() {
    HardLockPolicy ten = new HardLockPolicy(10, Duration.ofHours(1));
    ConsecutiveFailures locked = fail(ConsecutiveFailures.none(ANN), 10, ten, NOW);
    ConsecutiveFailures back = locked.withoutOneFailure(true);
    assertThat(back.count()).isEqualTo(9);
    assertThat(back.isLocked(NOW)).isFalse();
  }
}
