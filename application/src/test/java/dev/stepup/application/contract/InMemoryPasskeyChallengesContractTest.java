package dev.stepup.application.contract;

/** The {@link PasskeyChallengesContract} on the application's in-memory fake. */
class InMemoryPasskeyChallengesContractTest extends PasskeyChallengesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
