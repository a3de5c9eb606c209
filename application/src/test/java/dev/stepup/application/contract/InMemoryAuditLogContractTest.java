package dev.stepup.application.contract;

/** The {@link AuditLogContract} on the application's in-memory fake. */
class InMemoryAuditLogContractTest extends AuditLogContract {

  @Override
  protected Stores stores() {
    return new InMemoryStores();
  }
}
