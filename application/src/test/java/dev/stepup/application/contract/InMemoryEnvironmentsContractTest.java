package dev.stepup.application.contract;

/** The {@link EnvironmentsContract} on the application's in-memory fake. */
class InMemoryEnvironmentsContractTest extends EnvironmentsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
