package dev.stepup.application.contract;

/** The {@link OtpChallengesContract} on the application's in-memory fake. */
class InMemoryOtpChallengesContractTest extends OtpChallengesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
