package dev.stepup.application.contract;

/** The {@link WalletChallengesContract} on the application's in-memory fake. */
class InMemoryWalletChallengesContractTest extends WalletChallengesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
