package dev.stepup.application.contract;

/** The {@link EmbeddedWalletsContract} on the application's in-memory fake. */
class InMemoryEmbeddedWalletsContractTest extends EmbeddedWalletsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
