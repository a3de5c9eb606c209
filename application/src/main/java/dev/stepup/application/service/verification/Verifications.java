package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every verification method does around its own check: refuse what the policy does not permit,
 * audit the attempt, count failures towards a lock, and issue the token on success.
 */
public final class Verifications {

  private final TokenMint mint;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final AttemptLimiter limiter;
  private final Audit audit;

  public Verifications(
      TokenMint mint,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      Audit audit,
      Clock clock) {
    this.mint = mint;
    this.transactions = transactions;
    this.clock = clock;
    this.limiter = limiter;
    this.audit = audit;
  }

  /** Throws, audited, when the policy refused the method or credential. */
  public void permitted(
      SessionContext context,
      Acting acting,
      VerificationMethod method,
      Set<Scope> scopes,
      VerificationPermission permission) {
    if (permission instanceof VerificationPermission.Refused refused) {
      verification(context, acting, method, scopes)
          .failure(refused.reason().name().toLowerCase(Locale.ROOT));
      throw Refusals.of(refused.reason());
    }
  }

  public void ensureNotLocked(Acting acting, VerificationMethod method) {
    limiter.ensureNotLocked(acting.user().id(), method);
  }

  /**
   * Starts a counted attempt (see {@link AttemptLimiter#begin}); an attempt refused because the
   * method is locked is audited like any other failed verification.
   */
  public AttemptLimiter.Attempt begin(
      SessionContext context, Acting acting, VerificationMethod method, Set<Scope> scopes) {
    try {
      return limiter.begin(context, acting.user().id(), method);
    } catch (RefusedException locked) {
      verification(context, acting, method, scopes).failure(locked.refusal().code());
      throw locked;
    }
  }

  public IssuedElevatedToken succeed(
      AttemptLimiter.Attempt attempt,
      SessionContext context,
      Acting acting,
      VerificationMethod method,
      Set<Scope> scopes) {
    // The tally reset, the token and their audit records commit together or not at all; the
    // session and user are the ones this attempt already loaded and checked.
    return transactions.inTransaction(
        () -> {
          limiter.succeeded(attempt);
          verification(context, acting, method, scopes).success();
          return mint.mint(
              acting.environment(),
              acting.user().id(),
              Optional.of(acting.session().id()),
              scopes,
              Optional.of(method),
              context.origin(),
              clock.instant());
        });
  }

  /**
   * Audits a failed attempt and answers the exception to throw: the lock, when this failure
   * completed one, else the refusal itself.
   */
  public RefusedException failed(
      AttemptLimiter.Attempt attempt,
      SessionContext context,
      Acting acting,
      VerificationMethod method,
      Set<Scope> scopes,
      Refusal refusal,
      String message,
      boolean countsAsFailure) {
    return failed(
        attempt,
        context,
        acting,
        method,
        scopes,
        refusal,
        message,
        countsAsFailure,
        refusal.code());
  }

  /**
   * As above, audited with {@code auditReason} instead of the refusal's code: a replayed code is
   * answered as a wrong one but recorded as what it is.
   */
  public RefusedException failed(
      AttemptLimiter.Attempt attempt,
      SessionContext context,
      Acting acting,
      VerificationMethod method,
      Set<Scope> scopes,
      Refusal refusal,
      String message,
      boolean countsAsFailure,
      String auditReason) {
    verification(context, acting, method, scopes).failure(auditReason);
    if (countsAsFailure) {
      Optional<RefusedException> lock = limiter.failedWithLock(attempt);
      if (lock.isPresent()) {
        return lock.get();
      }
    } else {
      limiter.release(attempt);
    }
    return new RefusedException(refusal, message);
  }

  private Audit.Entry verification(
      SessionContext context, Acting acting, VerificationMethod method, Set<Scope> scopes) {
    return audit.bySession(AuditEventType.VERIFICATION, context, acting, method).scopes(scopes);
  }
}
