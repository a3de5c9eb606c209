package dev.stepup.application.contract;

/** The {@link SessionsContract} on the application's in-memory fake. */
class InMemorySessionsContractTest extends SessionsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
