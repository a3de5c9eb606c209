package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link FailureTallies} promises: tallies per user and method, changed by compare-and-set.
 */
public abstract class FailureTalliesContract extends PortContract {

  FailureTallies tallies;

  @BeforeEach
  void tallies() {
    tallies = stores.failureTallies();
  }

  @Test
  void failureTalliesAndLocksAreKept() {
    FailureTally tally = FailureTally.none(new UserId("usr_a"), VerificationMethod.TOTP, T0);
    for (int i = 0; i < FailureTally.THRESHOLD; i++) {
      tally = tally.afterFailure(T0.plusSeconds(i));
    }
    tallies.save(tally);
    FailureTally loaded = tallies.find(new UserId("usr_a"), VerificationMethod.TOTP).orElseThrow();
    assertThat(loaded).isEqualTo(tally);
    assertThat(loaded.isLocked(T0.plusSeconds(10))).isTrue();
    tallies.save(loaded.afterSuccess(T0.plus(Duration.ofHours(1))));
    assertThat(tallies.find(new UserId("usr_a"), VerificationMethod.TOTP).orElseThrow().failures())
        .isZero();
    assertThat(tallies.find(new UserId("usr_a"), VerificationMethod.EMAIL_OTP)).isEmpty();
  }

  @Test
  void failureTalliesChangeOnlyFromWhatTheWriterSaw() {
    UserId ann = new UserId("usr_ann");
    VerificationMethod totp = VerificationMethod.TOTP;
    FailureTally none = FailureTally.none(ann, totp, T0);
    FailureTally one = none.afterFailure(T0);
    assertThat(tallies.compareAndSave(Optional.empty(), one)).isTrue();
    assertThat(tallies.compareAndSave(Optional.empty(), one)).isFalse();

    FailureTally stored = tallies.find(ann, totp).orElseThrow();
    FailureTally two = stored.afterFailure(T0.plusSeconds(1));
    assertThat(tallies.compareAndSave(Optional.of(stored), two)).isTrue();
    // A second writer that read the same tally loses.
    assertThat(tallies.compareAndSave(Optional.of(stored), two)).isFalse();
    assertThat(tallies.find(ann, totp).orElseThrow().failures()).isEqualTo(2);

    FailureTally current = tallies.find(ann, totp).orElseThrow();
    FailureTally locked = current;
    for (int i = 0; i < 3; i++) {
      locked = locked.afterFailure(T0.plusSeconds(2));
    }
    assertThat(locked.lockedUntil()).isPresent();
    assertThat(tallies.compareAndSave(Optional.of(current), locked)).isTrue();
    FailureTally lockedStored = tallies.find(ann, totp).orElseThrow();
    assertThat(lockedStored.lockedUntil()).isEqualTo(locked.lockedUntil());
    assertThat(
            tallies.compareAndSave(Optional.of(lockedStored), lockedStored.withoutOneFailure(true)))
        .isTrue();
    assertThat(tallies.find(ann, totp).orElseThrow().lockedUntil()).isEmpty();
  }

  @Test
  void ofConcurrentWritersWithOneExpectationExactlyOneWins() throws Exception {
    UserId ann = new UserId("usr_ann");
    FailureTally one = FailureTally.none(ann, VerificationMethod.TOTP, T0).afterFailure(T0);
    assertThat(winnersOf(8, () -> tallies.compareAndSave(Optional.empty(), one))).isEqualTo(1);
    FailureTally two = one.afterFailure(T0.plusSeconds(1));
    assertThat(winnersOf(8, () -> tallies.compareAndSave(Optional.of(one), two))).isEqualTo(1);
    assertThat(tallies.find(ann, VerificationMethod.TOTP)).contains(two);
  }

  @Test
  void aTallyOfOneMethodIsNotComparedWithAnotherMethodsRow() {
    UserId ann = new UserId("usr_ann");
    FailureTally totp = FailureTally.none(ann, VerificationMethod.TOTP, T0).afterFailure(T0);
    FailureTally email = FailureTally.none(ann, VerificationMethod.EMAIL_OTP, T0).afterFailure(T0);
    assertThat(tallies.compareAndSave(Optional.empty(), totp)).isTrue();
    assertThat(tallies.compareAndSave(Optional.empty(), email)).isTrue();
    assertThat(tallies.compareAndSave(Optional.of(email), email.afterFailure(T0))).isTrue();
    assertThat(tallies.find(ann, VerificationMethod.TOTP).orElseThrow().failures()).isEqualTo(1);
    assertThat(tallies.find(ann, VerificationMethod.EMAIL_OTP).orElseThrow().failures())
        .isEqualTo(2);
  }
}
