package dev.stepup.application.contract;

/** The {@link SocialLoginsContract} on the application's in-memory fake. */
class InMemorySocialLoginsContractTest extends SocialLoginsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
