package dev.stepup.application.contract;

/** The {@link StepUpLockoutsContract} on the application's in-memory fake. */
class InMemoryStepUpLockoutsContractTest extends StepUpLockoutsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
