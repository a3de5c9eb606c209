package dev.stepup.application.contract;

/** The {@link SigningKeysContract} on the application's in-memory fake. */
class InMemorySigningKeysContractTest extends SigningKeysContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
