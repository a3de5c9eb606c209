package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncLogWritingTest {

  final LoggerContext context = new LoggerContext();
  final ByteArrayOutputStream written = new ByteArrayOutputStream();
  final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  AsyncLogWritingTest() {
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%X{correlationId} %msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setEncoder(encoder);
    console.setOutputStream(written);
    console.start();
    root.addAppender(console);
  }

  @Test
  void everyLineFromManyThreadsIsWrittenInEachThreadsOrderWithItsCorrelationId() throws Exception {
    AsyncLogWriting.wrap(context);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String id = "req-" + t;
      Thread thread =
          new Thread(
              () -> {
                org.slf4j.MDC.put("correlationId", id);
                awaitQuietly(start);
                IntStream.range(0, 5_000).forEach(i -> root.info("line {}", i));
              });
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    context.stop(); // as at shutdown: what is queued is written

    List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(8 * 5_000);
    for (int t = 0; t < 8; t++) {
      String id = "req-" + t + " ";
      List<String> ofThread = lines.stream().filter(l -> l.startsWith(id)).toList();
      assertThat(ofThread)
          .containsExactlyElementsOf(
              IntStream.range(0, 5_000).mapToObj(i -> id + "line " + i).toList());
    }
  }

  @Test
  void theWritersAreQueuedOnceHoweverOftenLoggingIsSetUp() {
    AsyncLogWriting.wrap(context);
    AsyncLogWriting.wrap(context);

    List<Appender<ILoggingEvent>> attached = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(attached::add);
    assertThat(attached)
        .singleElement()
        .satisfies(a -> assertThat(a.getName()).isEqualTo(AsyncLogWriting.PREFIX + "CONSOLE"));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
