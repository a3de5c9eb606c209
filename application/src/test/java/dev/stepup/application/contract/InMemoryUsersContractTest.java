package dev.stepup.application.contract;

/** The {@link UsersContract} on the application's in-memory fake. */
class InMemoryUsersContractTest extends UsersContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
