package dev.stepup.application.contract;

/** The {@link OutboxContract} on the application's in-memory fake. */
class InMemoryOutboxContractTest extends OutboxContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
