package dev.stepup.application.contract;

/** The {@link ContactProofsContract} on the application's in-memory fake. */
class InMemoryContactProofsContractTest extends ContactProofsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
