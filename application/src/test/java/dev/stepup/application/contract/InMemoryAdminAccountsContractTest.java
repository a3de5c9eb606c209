package dev.stepup.application.contract;

/** The {@link AdminAccountsContract} on the application's in-memory fake. */
class InMemoryAdminAccountsContractTest extends AdminAccountsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
