package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.InMemoryDeadRows;
import dev.stepup.application.fakes.InMemoryJobLeases;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase.PurgeResult;
import dev.stepup.application.service.operations.PurgeExpiredDataService;
import dev.stepup.domain.retention.DeadData;
import dev.stepup.domain.retention.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurgeExpiredDataServiceTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Duration DAY = Duration.ofDays(1);

  final MutableClock clock = new MutableClock(NOW);
  final InMemoryDeadRows rows = new InMemoryDeadRows();
  final InMemoryJobLeases leases = new InMemoryJobLeases();
  final RetentionPolicy policy = RetentionPolicy.DEFAULT;

  PurgeExpiredDataService node(String name) {
    return new PurgeExpiredDataService(rows, leases, policy, 2, Duration.ofMinutes(5), name, clock);
  }

  @Test
  void onlyRowsDeadLongerThanTheirRetentionGoInSmallBatches() {
    for (int i = 0; i < 5; i++) {
      rows.add(DeadData.SESSIONS, NOW.minus(Duration.ofDays(8)));
    }
    rows.add(DeadData.SESSIONS, NOW.minus(Duration.ofDays(6))); // within retention
    rows.add(DeadData.DELIVERIES, NOW.minus(Duration.ofDays(8))); // kept 30 days
    rows.add(DeadData.DELIVERIES, NOW.minus(Duration.ofDays(31)));
    rows.add(DeadData.AUDIT_EVENTS, NOW.minus(Duration.ofDays(399)));
    rows.add(DeadData.AUDIT_EVENTS, NOW.minus(Duration.ofDays(401)));

    PurgeResult result = node("node-a").purgeExpiredData();

    assertThat(result.ran()).isTrue();
    assertThat(result.deleted())
        .isEqualTo(Map.of(DeadData.SESSIONS, 5, DeadData.DELIVERIES, 1, DeadData.AUDIT_EVENTS, 1));
    assertThat(rows.left(DeadData.SESSIONS)).containsExactly(NOW.minus(Duration.ofDays(6)));
    assertThat(rows.left(DeadData.DELIVERIES)).containsExactly(NOW.minus(Duration.ofDays(8)));
    assertThat(rows.left(DeadData.AUDIT_EVENTS)).containsExactly(NOW.minus(Duration.ofDays(399)));
    // Five dead sessions with batches of two: three statements, the last one short.
    assertThat(rows.statements.stream().filter(s -> s.startsWith("SESSIONS")))
        .containsExactly("SESSIONS:2", "SESSIONS:2", "SESSIONS:1");
    assertThat(leases.holder(PurgeExpiredDataService.JOB)).isNull(); // released
  }

  @Test
  void aSecondNodeDoesNotPurgeWhileTheFirstHoldsTheLeaseAndTakesOverWhenItRunsOut() {
    rows.add(DeadData.OTP_CHALLENGES, NOW.minus(Duration.ofDays(8)));
    leases.claim(PurgeExpiredDataService.JOB, "node-a", NOW, Duration.ofMinutes(5));

    PurgeResult refused = node("node-b").purgeExpiredData();
    assertThat(refused.ran()).isFalse();
    assertThat(rows.left(DeadData.OTP_CHALLENGES)).hasSize(1);
    assertThat(rows.statements).isEmpty();

    clock.advance(Duration.ofMinutes(6)); // node-a died holding it
    assertThat(node("node-b").purgeExpiredData().deleted())
        .isEqualTo(Map.of(DeadData.OTP_CHALLENGES, 1));
  }

  @Test
  void aNodeThatLosesTheLeaseMidRunStops() {
    for (int i = 0; i < 6; i++) {
      rows.add(DeadData.ELEVATED_TOKENS, NOW.minus(Duration.ofDays(8)));
    }
    rows.beforeEachBatch =
        kind -> {
          if (rows.statements.size() == 1) {
            // The run stalled past its lease and another node took the purge over.
            clock.advance(Duration.ofMinutes(6));
            leases.claim(PurgeExpiredDataService.JOB, "node-b", clock.instant(), DAY);
          }
        };

    PurgeResult result = node("node-a").purgeExpiredData();

    assertThat(result.deleted()).isEqualTo(Map.of(DeadData.ELEVATED_TOKENS, 4));
    assertThat(rows.statements).hasSize(2);
    assertThat(leases.holder(PurgeExpiredDataService.JOB)).isEqualTo("node-b");
  }
}
