package dev.stepup.application.contract;

/** The {@link ElevatedTokensContract} on the application's in-memory fake. */
class InMemoryElevatedTokensContractTest extends ElevatedTokensContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
