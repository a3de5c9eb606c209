package dev.stepup.application.contract;

/** The {@link SignInCodesContract} on the application's in-memory fake. */
class InMemorySignInCodesContractTest extends SignInCodesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
