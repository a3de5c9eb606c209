package dev.stepup.application.service.credential;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.method.VerificationMethod;

/**
 * The end of every proved link (a wallet's signature, a social login): the credential joins the
 * user, who is told, in one transaction with the check that nobody else holds it; the outcome is
 * audited either way.
 */
final class CredentialLinks {

  private final Users users;
  private final TransactionRunner transactions;
  private final SecurityNotifier notifier;
  private final Audit audit;

  CredentialLinks(
      Users users, TransactionRunner transactions, SecurityNotifier notifier, Audit audit) {
    this.users = users;
    this.transactions = transactions;
    this.notifier = notifier;
    this.audit = audit;
  }

  /**
   * Adds the credential to the acting user.
   *
   * @param ensureFree throws a refusal when another user of the environment holds it
   */
  Credential link(
      SessionContext context,
      Acting acting,
      VerificationMethod method,
      Credential credential,
      Runnable ensureFree) {
    transactions.inTransaction(
        () -> {
          ensureFree.run();
          acting.user().addCredential(credential);
          users.save(acting.user());
          notifier.notify(
              acting.user(),
              SecurityNotice.CREDENTIAL_LINKED,
              SecurityNotifier.describe(credential));
        });
    audit
        .bySession(AuditEventType.CREDENTIAL_LINKED, context, acting, method)
        .success(credential.id().value());
    return credential;
  }

  /** Audits a refused link and answers the refusal. */
  RefusedException refused(
      SessionContext context, Acting acting, VerificationMethod method, RefusedException refused) {
    audit
        .bySession(AuditEventType.CREDENTIAL_LINKED, context, acting, method)
        .failure(refused.refusal().code());
    return refused;
  }
}
