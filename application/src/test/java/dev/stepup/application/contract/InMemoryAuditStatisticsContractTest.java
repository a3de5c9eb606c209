package dev.stepup.application.contract;

/** The {@link AuditStatisticsContract} on the application's in-memory fake. */
class InMemoryAuditStatisticsContractTest extends AuditStatisticsContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
