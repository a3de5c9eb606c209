package dev.stepup.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops a background executor without interrupting its threads. They use the database, and an
 * interrupt during one of H2's file reads or writes closes the embedded database for every
 * connection (H2 asks embedding applications never to interrupt them). Work in progress is waited
 * for, within a bound; past it the threads, daemons all, are left to end on their own.
 */
final class Quiescence {

  static final long PATIENCE_SECONDS = 10;

  private static final System.Logger LOG = System.getLogger(Quiescence.class.getName());

  private Quiescence() {}

  static void await(ExecutorService executor, String name) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} still running after {1} s; left to finish on its own",
            name,
            PATIENCE_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
