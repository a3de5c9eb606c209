package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.domain.user.UserId;
import org.junit.jupiter.api.Test;

/**
 * What {@link TransactionRunner} promises: all or nothing. The in-memory runner runs work directly
 * and rolls nothing back, so this contract runs on the databases only.
 */
public abstract class TransactionRunnerContract extends PortContract {

  @Test
  void aFailedTransactionLeavesNothingWritten() {
    TransactionRunner transactions = stores.transactions();
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      stores.users().save(alice());
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(stores.users().find(ENV, new UserId("usr_alice"))).isEmpty();
    transactions.inTransaction(() -> stores.users().save(alice()));
    assertThat(stores.users().find(ENV, new UserId("usr_alice"))).isPresent();
  }
}
