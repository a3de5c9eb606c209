package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase.PurgeResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PurgeScheduleTest {

  @Test
  void thePurgeRunsEveryIntervalOnItsOwnThreadAndAFailedRunDoesNotStopIt() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch thrice = new CountDownLatch(3);
    PurgeSchedule schedule =
        new PurgeSchedule(
            () -> {
              assertThat(Thread.currentThread().getName()).isEqualTo("purge");
              thrice.countDown();
              if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
              }
              return new PurgeResult(true, Map.of());
            },
            Duration.ofMillis(20),
            true);
    schedule.start();
    try {
      assertThat(thrice.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      schedule.stop();
    }
    assertThat(schedule.isRunning()).isFalse();
  }

  @Test
  void aNodeWithThePurgeDisabledNeverRunsIt() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    PurgeSchedule schedule =
        new PurgeSchedule(
            () -> {
              runs.incrementAndGet();
              return new PurgeResult(true, Map.of());
            },
            Duration.ofMillis(10),
            false);
    schedule.start();
    Thread.sleep(100);
    schedule.stop();
    assertThat(runs).hasValue(0);
  }

  @Test
  void stoppingWaitsForTheRunInProgressAndNeverInterruptsIt() throws Exception {
    // An interrupt during one of H2's file writes would close the embedded database.
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    PurgeSchedule schedule =
        new PurgeSchedule(
            () -> {
              started.countDown();
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
              finished.set(true);
              return new PurgeResult(true, Map.of());
            },
            Duration.ofMillis(10),
            true);
    schedule.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    schedule.stop();

    assertThat(finished).isTrue();
    assertThat(interrupted).isFalse();
  }
}
