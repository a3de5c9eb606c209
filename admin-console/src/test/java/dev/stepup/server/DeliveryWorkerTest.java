package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryWorkerTest {

  @Test
  void aWakeUpReturnsAtOnceAndTheSendingHappensOnADeliveryThread() throws Exception {
    List<String> threads = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(1);
    DeliveryWorker worker =
        new DeliveryWorker(
            () -> {
              threads.add(Thread.currentThread().getName());
              ran.countDown();
              await(release); // a send stuck on a slow server
              return 1;
            },
            2,
            Duration.ofHours(1));
    worker.start();
    try {
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue(); // the first scheduled run
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        worker.wakeUp();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      assertThat(threads).allMatch(name -> name.startsWith("delivery-"));
      assertThat(threads).doesNotContain(Thread.currentThread().getName());
    } finally {
      release.countDown();
      worker.stop();
    }
  }

  @Test
  void aMessageQueuedWhileTheWorkersAreBusyIsStillDelivered() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch second = new CountDownLatch(2);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DeliveryWorker worker =
        new DeliveryWorker(
            () -> {
              if (runs.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(release);
              }
              second.countDown();
              return 0;
            },
            1,
            Duration.ofHours(1)); // no scheduled run would rescue it in time
    worker.start();
    try {
      assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
      worker.wakeUp(); // the only worker is busy: the signal must not be lost
      release.countDown();
      assertThat(second.await(5, TimeUnit.SECONDS)).as("a second run").isTrue();
    } finally {
      worker.stop();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
