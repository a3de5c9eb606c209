package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.retention.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What {@link JobLeases} promises: one node at a time holds a lease; a dead node's runs out. */
public abstract class JobLeasesContract extends PortContract {

  static final Instant CUTOFF = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void oneNodeAtATimeHoldsThePurgeLeaseAndAnExpiredLeaseIsTakenOver() throws Exception {
    // Every node reads and writes one shared store; nodes differ only by the holder they name.
    JobLeases nodeA = stores.jobLeases();
    JobLeases nodeB = stores.jobLeases();
    Duration lease = Duration.ofMinutes(5);

    assertThat(nodeA.claim("purge", "a", CUTOFF, lease)).isTrue();
    assertThat(nodeB.claim("purge", "b", CUTOFF.plusSeconds(60), lease)).isFalse();
    assertThat(nodeA.claim("purge", "a", CUTOFF.plusSeconds(60), lease)).isTrue(); // renewed
    assertThat(nodeB.claim("purge", "b", CUTOFF.plus(Duration.ofMinutes(5)), lease)).isFalse();
    // Node a stops renewing (it died): once its lease ran out, b takes over and a is refused.
    assertThat(nodeB.claim("purge", "b", CUTOFF.plus(Duration.ofMinutes(6)), lease)).isTrue();
    assertThat(nodeA.claim("purge", "a", CUTOFF.plus(Duration.ofMinutes(7)), lease)).isFalse();
    nodeA.release("purge", "a"); // not its lease any more: changes nothing
    assertThat(nodeA.claim("purge", "a", CUTOFF.plus(Duration.ofMinutes(8)), lease)).isFalse();
    nodeB.release("purge", "b");
    assertThat(nodeA.claim("purge", "a", CUTOFF.plus(Duration.ofMinutes(8)), lease)).isTrue();
    // A job without a row yet gets one.
    assertThat(nodeB.claim("other-job", "b", CUTOFF, lease)).isTrue();
    assertThat(nodeA.claim("other-job", "a", CUTOFF, lease)).isFalse();

    // Nodes claiming a free lease at the same moment: exactly one gets it.
    int nodes = 4;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      for (int round = 1; round <= 5; round++) {
        Instant now = CUTOFF.plus(Duration.ofHours(round));
        CyclicBarrier start = new CyclicBarrier(nodes);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
          JobLeases node = stores.jobLeases();
          String holder = "node-" + round + "-" + n;
          claims.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return node.claim("purge", holder, now, lease);
                  }));
        }
        int won = 0;
        for (Future<Boolean> claim : claims) {
          won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(won).as("round " + round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
