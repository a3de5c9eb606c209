package dev.stepup.application.contract;

/** The {@link SocialProvidersContract} on the application's in-memory fake. */
class InMemorySocialProvidersContractTest extends SocialProvidersContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
