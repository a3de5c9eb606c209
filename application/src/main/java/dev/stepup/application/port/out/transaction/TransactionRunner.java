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

  /**
   * Runs short write work atomically, as {@link #inTransaction(Supplier)} does, but lets it share
   * one durable commit with work submitted at the same time (group commit); it returns once its
   * writes are durable. The work may run on another thread, must not wait for other transactions
   * and must be safe to run again: when a shared commit fails, each work of it is retried alone.
   * Inside an open transaction it simply joins that one.
   */
  default <T> T inSharedCommit(Supplier<T> work) {
    return inTransaction(work);
  }

  default void inSharedCommit(Runnable work) {
    inSharedCommit(
        () -> {
          work.run();
          return null;
        });
  }
}
