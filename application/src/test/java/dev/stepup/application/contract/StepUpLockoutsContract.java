package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.domain.attempt.ConsecutiveFailures;
import dev.stepup.domain.attempt.HardLockPolicy;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link StepUpLockouts} promises: counts change only from what the writer saw. */
public abstract class StepUpLockoutsContract extends PortContract {

  @Test
  void consecutiveFailuresChangeOnlyFromWhatTheWriterSawAndAreCleared() {
    StepUpLockouts lockouts = stores.stepUpLockouts();
    UserId ann = new UserId("usr_ann");
    HardLockPolicy five = new HardLockPolicy(5, Duration.ofHours(24));
    ConsecutiveFailures one = ConsecutiveFailures.none(ann).afterFailure(five, T0);
    assertThat(lockouts.compareAndSave(Optional.empty(), one)).isTrue();
    assertThat(lockouts.compareAndSave(Optional.empty(), one)).isFalse();

    ConsecutiveFailures stored = lockouts.find(ann).orElseThrow();
    assertThat(stored).isEqualTo(one);
    ConsecutiveFailures locked = stored;
    for (int i = 0; i < 4; i++) {
      locked = locked.afterFailure(five, T0);
    }
    assertThat(locked.isLocked(T0)).isTrue();
    assertThat(lockouts.compareAndSave(Optional.of(stored), locked)).isTrue();
    assertThat(lockouts.compareAndSave(Optional.of(stored), locked)).isFalse();
    ConsecutiveFailures lockedStored = lockouts.find(ann).orElseThrow();
    assertThat(lockedStored.lockRemaining(T0)).contains(Duration.ofHours(24));
    assertThat(
            lockouts.compareAndSave(
                Optional.of(lockedStored), lockedStored.withoutOneFailure(true)))
        .isTrue();
    assertThat(lockouts.find(ann).orElseThrow().lockedUntil()).isEmpty();

    lockouts.clear(ann);
    assertThat(lockouts.find(ann)).isEmpty();
  }

  @Test
  void ofConcurrentWritersWithOneExpectationExactlyOneWins() throws Exception {
    StepUpLockouts lockouts = stores.stepUpLockouts();
    UserId ann = new UserId("usr_ann");
    HardLockPolicy five = new HardLockPolicy(5, Duration.ofHours(24));
    ConsecutiveFailures one = ConsecutiveFailures.none(ann).afterFailure(five, T0);
    assertThat(winnersOf(8, () -> lockouts.compareAndSave(Optional.empty(), one))).isEqualTo(1);
    ConsecutiveFailures two = one.afterFailure(five, T0.plusSeconds(1));
    assertThat(winnersOf(8, () -> lockouts.compareAndSave(Optional.of(one), two))).isEqualTo(1);
    assertThat(lockouts.find(ann)).contains(two);
  }
}
