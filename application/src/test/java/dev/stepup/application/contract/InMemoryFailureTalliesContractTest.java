package dev.stepup.application.contract;

/** The {@link FailureTalliesContract} on the application's in-memory fake. */
class InMemoryFailureTalliesContractTest extends FailureTalliesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
