package dev.stepup.application.contract;

/** The {@link JobLeasesContract} on the application's in-memory fake. */
class InMemoryJobLeasesContractTest extends JobLeasesContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
