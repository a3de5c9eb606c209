package dev.stepup.server;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Log lines are written by one background thread (ADR 0036). Every request logs a line, and with
 * the console or file written under a lock by the request's own thread, a writer preempted while
 * holding it stalled every other request behind it: on two cores that lock was where request
 * threads spent a third of their time during a load. Requests now only queue their line; the queue
 * waits rather than drops when full, and shutdown writes what is queued. A process killed outright
 * loses the lines of its last milliseconds, never an audit record (those are in the database).
 */
public final class AsyncLogWriting
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  static final String PREFIX = "ASYNC_";
  private static final int QUEUE = 8_192;
  private static final int FLUSH_AT_SHUTDOWN_MILLIS = 5_000;

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      wrap(context);
    }
  }

  /**
   * After Spring Boot has configured logging, which would otherwise replace the wrapped writers.
   */
  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }

  static void wrap(LoggerContext context) {
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    List<Appender<ILoggingEvent>> writers = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(writers::add);
    for (Appender<ILoggingEvent> writer : writers) {
      if (writer instanceof AsyncAppenderBase) {
        continue;
      }
      AsyncAppender queued = new AsyncAppender();
      queued.setContext(context);
      queued.setName(PREFIX + writer.getName());
      queued.setQueueSize(QUEUE);
      // Never drop a line: below this many free places the queue would discard INFO and lower.
      queued.setDiscardingThreshold(0);
      queued.setNeverBlock(false);
      queued.setMaxFlushTime(FLUSH_AT_SHUTDOWN_MILLIS);
      queued.addAppender(writer);
      queued.start();
      root.addAppender(queued);
      root.detachAppender(writer);
    }
  }
}
