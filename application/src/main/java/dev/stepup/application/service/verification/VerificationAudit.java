package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import java.util.Locale;
import java.util.Set;

/** The {@code verification} audit records of a session's step-up attempts. */
public final class VerificationAudit {

  private final Audit audit;

  public VerificationAudit(Audit audit) {
    this.audit = audit;
  }

  /** The record of one attempt, to finish with its success or failure. */
  public Audit.Entry attempt(
      SessionContext context, Acting acting, VerificationMethod method, Set<Scope> scopes) {
    return audit.bySession(AuditEventType.VERIFICATION, context, acting, method).scopes(scopes);
  }

  /** Throws, audited (and not counted), when the policy refused the method or credential. */
  public void requirePermitted(
      SessionContext context,
      Acting acting,
      VerificationMethod method,
      Set<Scope> scopes,
      VerificationPermission permission) {
    if (permission instanceof VerificationPermission.Refused refused) {
      attempt(context, acting, method, scopes)
          .failure(refused.reason().name().toLowerCase(Locale.ROOT));
      throw Refusals.of(refused.reason());
    }
  }
}
