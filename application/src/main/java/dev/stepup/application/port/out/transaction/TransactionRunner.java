package dev.stepup.application.port.out.transaction;

import java.util.function.Supplier;

/** Runs work atomically: all of its writes land, or none do. */
public interface TransactionRunner {

  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
