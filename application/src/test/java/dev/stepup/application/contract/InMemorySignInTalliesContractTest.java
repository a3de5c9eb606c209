package dev.stepup.application.contract;

/** The {@link SignInTalliesContract} on the application's in-memory fake. */
class InMemorySignInTalliesContractTest extends SignInTalliesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
