package dev.stepup.application.fakes;

import dev.stepup.application.port.out.transaction.TransactionRunner;
import java.util.function.Supplier;

/** Runs work directly: the in-memory fakes have nothing to roll back. */
public final class DirectTransactions implements TransactionRunner {
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
