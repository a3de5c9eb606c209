package dev.stepup.application.contract;

/** The {@link CodeSendGatesContract} on the application's in-memory fake. */
class InMemoryCodeSendGatesContractTest extends CodeSendGatesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
