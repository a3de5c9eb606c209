package dev.stepup.application.contract;

/** The {@link TotpDevicesContract} on the application's in-memory fake. */
class InMemoryTotpDevicesContractTest extends TotpDevicesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
