package dev.stepup.application.contract;

/** The {@link RecoveryCodeStoreContract} on the application's in-memory fake. */
class InMemoryRecoveryCodeStoreContractTest extends RecoveryCodeStoreContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
