package dev.stepup.application.contract;

/** The {@link UserDirectoryContract} on the application's in-memory fake. */
class InMemoryUserDirectoryContractTest extends UserDirectoryContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
