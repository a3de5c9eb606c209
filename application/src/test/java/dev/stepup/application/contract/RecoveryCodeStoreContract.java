package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link RecoveryCodeStore} promises: each code spent once; a new set replaces the old. */
public abstract class RecoveryCodeStoreContract extends PortContract {

  @Test
  void recoveryCodesAreSpentOnceAndReplacedAsASet() {
    givenAlice();
    RecoveryCodeStore recoveryCodes = stores.recoveryCodes();
    UserId alice = new UserId("usr_alice");
    assertThat(recoveryCodes.hasAny(alice)).isFalse();
    recoveryCodes.replace(alice, List.of("r1", "r2", "r3"), T0);
    assertThat(recoveryCodes.spend(alice, "r2", T0.plusSeconds(1))).isTrue();
    assertThat(recoveryCodes.spend(alice, "r2", T0.plusSeconds(2))).isFalse();
    assertThat(recoveryCodes.spend(alice, "nope", T0.plusSeconds(2))).isFalse();
    assertThat(recoveryCodes.isSpent(alice, "r2")).isTrue();
    assertThat(recoveryCodes.isSpent(alice, "r1")).isFalse();
    assertThat(recoveryCodes.isSpent(alice, "nope")).isFalse();
    assertThat(recoveryCodes.unusedCount(alice)).isEqualTo(2);
    recoveryCodes.replace(alice, List.of("s1"), T0.plusSeconds(3));
    assertThat(recoveryCodes.spend(alice, "r1", T0.plusSeconds(4))).isFalse();
    assertThat(recoveryCodes.unusedCount(alice)).isEqualTo(1);
  }

  @Test
  void ofConcurrentSpendsOfOneCodeExactlyOneSucceeds() throws Exception {
    givenAlice();
    RecoveryCodeStore recoveryCodes = stores.recoveryCodes();
    recoveryCodes.replace(ALICE, List.of("r1"), T0);
    assertThat(winnersOf(8, () -> recoveryCodes.spend(ALICE, "r1", T0.plusSeconds(1))))
        .isEqualTo(1);
    assertThat(recoveryCodes.unusedCount(ALICE)).isZero();
  }
}
