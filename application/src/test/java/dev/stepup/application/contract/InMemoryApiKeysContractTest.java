package dev.stepup.application.contract;

/** The {@link ApiKeysContract} on the application's in-memory fake. */
class InMemoryApiKeysContractTest extends ApiKeysContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
