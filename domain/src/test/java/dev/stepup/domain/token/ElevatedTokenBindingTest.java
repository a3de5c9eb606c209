package dev.stepup.domain.token;

import static dev.stepup.domain.Fixtures.ALICE;
import static dev.stepup.domain.Fixtures.DEMO;
import static dev.stepup.domain.Fixtures.NOW;
import static dev.stepup.domain.Fixtures.SESSION;
import static dev.stepup.domain.Fixtures.minutesAfterNow;
import static dev.stepup.domain.testdata.ElevatedTokenTestData.anElevatedToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.operation.BindingMismatch;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.scope.Scope;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ElevatedTokenBindingTest {

  private static final OperationBinding WALLET_A =
      new OperationBinding(Optional.of("wal_A"), Optional.empty(), Optional.empty());

  private static ElevatedToken token() {
    return anElevatedToken()
        .in(DEMO)
        .forUser(ALICE)
        .inSession(SESSION)
        .issuedAt(NOW)
        .forScopes(Set.of(Scope.WALLET_EXPORT))
        .build();
  }

  @Test
  void anUnboundTokenFitsEveryOperation() {
    ElevatedToken token = token();

    assertThat(token.binding()).isEmpty();
    assertThat(token.mismatch(Operation.on("wal_B"), NOW)).isEmpty();
    assertThat(token.mismatch(Operation.unnamed(), NOW)).isEmpty();
  }

  @Test
  void aBoundTokenIsRefusedForAnotherOperationWithoutBeingSpent() {
    ElevatedToken token = token().bindTo(WALLET_A);

    assertThat(token.mismatch(Operation.on("wal_B"), NOW))
        .contains(BindingMismatch.RESOURCE_DIFFERS);
    assertThat(token.consumedAt()).isEmpty();
    assertThat(token.mismatch(Operation.on("wal_A"), NOW)).isEmpty();
  }

  @Test
  void aDeadBoundTokenIsRefusedForBeingDeadNotForItsOperation() {
    ElevatedToken token = token().bindTo(WALLET_A);

    assertThat(token.mismatch(Operation.on("wal_B"), minutesAfterNow(60))).isEmpty();
    assertThat(token.state(minutesAfterNow(60))).isEqualTo(TokenState.EXPIRED);
  }

  @Test
  void aTokenIsBoundOnlyOnce() {
    ElevatedToken token = token().bindTo(WALLET_A);

    assertThatThrownBy(() -> token.bindTo(WALLET_A)).isInstanceOf(IllegalStateException.class);
    assertThat(token.binding()).contains(WALLET_A);
  }
}
