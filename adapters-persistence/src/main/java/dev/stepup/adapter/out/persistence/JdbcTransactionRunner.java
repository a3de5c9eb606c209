package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.transaction.TransactionRunner;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs work in one database transaction; any exception rolls all of it back. */
public final class JdbcTransactionRunner implements TransactionRunner {

  private final TransactionTemplate template;

  public JdbcTransactionRunner(PlatformTransactionManager transactionManager) {
    this.template = new TransactionTemplate(transactionManager);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return template.execute(status -> work.get());
  }
}
