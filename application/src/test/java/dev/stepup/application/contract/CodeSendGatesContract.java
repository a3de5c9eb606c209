package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.verification.CodeSendGates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link CodeSendGates} promises: a gate moves only from the last send the claimer saw, so of
 * concurrent claims (each in the transaction that stores its code) exactly one wins.
 */
public abstract class CodeSendGatesContract extends PortContract {

  CodeSendGates gates;
  TransactionRunner transactions;

  @BeforeEach
  void gates() {
    gates = stores.codeSendGates();
    transactions = stores.transactions();
  }

  @Test
  void aSendGateMovesOnlyFromTheLastSendTheClaimerSaw() {
    String subject = "session:ses_1";
    assertThat(gates.lastSent(subject)).isEmpty();
    assertThat(gates.claim(subject, Optional.empty(), T0)).isTrue();
    assertThat(gates.claim(subject, Optional.empty(), T0.plusSeconds(1))).isFalse();
    Instant stored = gates.lastSent(subject).orElseThrow();
    assertThat(stored).isEqualTo(T0);
    assertThat(gates.claim(subject, Optional.of(stored), T0.plusSeconds(40))).isTrue();
    assertThat(gates.claim(subject, Optional.of(stored), T0.plusSeconds(41))).isFalse();
    assertThat(gates.lastSent(subject)).contains(T0.plusSeconds(40));
    assertThat(gates.lastSent("session:ses_2")).isEmpty();
  }

  @Test
  void ofConcurrentClaimsInTransactionsExactlyOneWins() throws Exception {
    for (Optional<Instant> expected : List.of(Optional.<Instant>empty(), Optional.of(T0))) {
      String subject = "sign-in:demo:ann@example.com" + expected.isPresent();
      if (expected.isPresent()) {
        gates.claim(subject, Optional.empty(), T0);
      }
      int threads = 8;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          Instant at = T0.plusSeconds(60 + i);
          claims.add(
              pool.submit(
                  () -> {
                    go.await();
                    try {
                      return transactions.inTransaction(
                          () -> {
                            if (!gates.claim(subject, expected, at)) {
                              throw new IllegalStateException("lost");
                            }
                            sleep(100); // hold the row, as a send storing its code does
                            return true;
                          });
                    } catch (RuntimeException lost) {
                      return false;
                    }
                  }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
          won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(won).as("winners with expectation %s", expected).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
