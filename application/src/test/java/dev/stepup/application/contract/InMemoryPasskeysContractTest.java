package dev.stepup.application.contract;

/** The {@link PasskeysContract} on the application's in-memory fake. */
class InMemoryPasskeysContractTest extends PasskeysContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
