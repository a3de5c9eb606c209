package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.domain.access.SignInTally;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link SignInTallies} promises: tallies per subject, changed by compare-and-set. */
public abstract class SignInTalliesContract extends PortContract {

  @Test
  void signInTalliesRoundTripAndChangeOnlyFromWhatTheWriterSaw() {
    SignInTallies signInTallies = stores.signInTallies();
    SignInTally first = SignInTally.none("user:admin", T0).afterFailure(T0);
    assertThat(signInTallies.find("user:admin")).isEmpty();
    assertThat(signInTallies.compareAndSave(Optional.empty(), first)).isTrue();
    assertThat(signInTallies.compareAndSave(Optional.empty(), first)).isFalse();
    assertThat(signInTallies.find("user:admin")).contains(first);

    SignInTally locked = first;
    for (int i = 1; i < SignInTally.THRESHOLD; i++) {
      locked = locked.afterFailure(T0.plusSeconds(i));
    }
    assertThat(signInTallies.compareAndSave(Optional.of(first), locked)).isTrue();
    assertThat(signInTallies.compareAndSave(Optional.of(first), first.afterFailure(T0))).isFalse();
    assertThat(signInTallies.find("user:admin").orElseThrow().lockedUntil())
        .contains(T0.plusSeconds(SignInTally.THRESHOLD - 1).plus(SignInTally.LOCK));
    assertThat(signInTallies.find("ip:203.0.113.7")).isEmpty();

    signInTallies.clear("user:admin");
    assertThat(signInTallies.find("user:admin")).isEmpty();
  }

  @Test
  void ofConcurrentWritersWithOneExpectationExactlyOneWins() throws Exception {
    SignInTallies signInTallies = stores.signInTallies();
    SignInTally first = SignInTally.none("ip:203.0.113.7", T0).afterFailure(T0);
    assertThat(winnersOf(8, () -> signInTallies.compareAndSave(Optional.empty(), first)))
        .isEqualTo(1);
    SignInTally second = first.afterFailure(T0.plusSeconds(1));
    assertThat(winnersOf(8, () -> signInTallies.compareAndSave(Optional.of(first), second)))
        .isEqualTo(1);
    assertThat(signInTallies.find("ip:203.0.113.7")).contains(second);
  }
}
