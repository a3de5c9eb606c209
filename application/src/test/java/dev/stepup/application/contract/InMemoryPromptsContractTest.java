package dev.stepup.application.contract;

/** The {@link PromptsContract} on the in-memory fake. */
class InMemoryPromptsContractTest extends PromptsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
