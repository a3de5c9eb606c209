package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.application.service.verification.ProofChecker.Result;
import dev.stepup.application.service.verification.VerificationAudit;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one verification path for every method: load the caller once → the method's checker names
 * what the proof verifies with and the policy permits it (a refusal is audited, not counted) → the
 * lock check, which counts the attempt ahead → the proof check and its spend → on success, in one
 * transaction, the tally reset, the audit record and the token; on failure, the audit record, the
 * count towards the lock and the refusal.
 */
public final class VerifyStepUpService implements VerifyStepUpUseCase {

  /** The checker of each kind of proof. */
  public record Checkers(
      ProofChecker<Proof.OtpProof> otp,
      ProofChecker<Proof.TotpProof> totp,
      ProofChecker<Proof.RecoveryCodeProof> recoveryCode,
      ProofChecker<Proof.PasskeyProof> passkey,
      ProofChecker<Proof.WalletProof> wallet,
      ProofChecker<Proof.SocialProof> social) {}

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final Checkers checkers;
  private final TokenMint mint;
  private final TransactionRunner transactions;
  private final AttemptLimiter limiter;
  private final VerificationAudit verifications;
  private final Clock clock;

  public VerifyStepUpService(
      Environments environments,
      Sessions sessions,
      Users users,
      Checkers checkers,
      TokenMint mint,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.checkers = checkers;
    this.mint = mint;
    this.transactions = transactions;
    this.limiter = limiter;
    this.verifications = new VerificationAudit(new Audit(auditTrail, clock));
    this.clock = clock;
  }

  @Override
  public IssuedElevatedToken verify(VerifyStepUpCommand command) {
    if (command.proof() instanceof Proof.SocialProof) {
      throw new IllegalArgumentException("proof: a social login is finished by its callback");
    }
    Acting acting = Acting.load(command.context(), environments, sessions, users, clock.instant());
    if (command.operation().isEmpty()) {
      return verify(command.context(), acting, command.proof(), command.scopes());
    }
    return verify(
        command.context(),
        acting,
        command.proof(),
        command.scopes(),
        method ->
            mint.mint(
                acting.environment(),
                acting.user().id(),
                Optional.of(acting.session().id()),
                command.scopes(),
                Optional.of(method),
                command.operation(),
                command.context().origin(),
                clock.instant()));
  }

  /** For a caller that already loaded and checked the session (the social callback). */
  IssuedElevatedToken verify(
      SessionContext context, Acting acting, Proof proof, Set<Scope> scopes) {
    return verify(
        context,
        acting,
        proof,
        scopes,
        method ->
            mint.mint(
                acting.environment(),
                acting.user().id(),
                Optional.of(acting.session().id()),
                scopes,
                Optional.of(method),
                context.origin(),
                clock.instant()));
  }

  /**
   * The verification path with its last step, issuing the token for the method that succeeded,
   * given: it runs in the success transaction (the legacy MFA token's).
   */
  IssuedElevatedToken verify(
      SessionContext context,
      Acting acting,
      Proof proof,
      Set<Scope> scopes,
      Function<VerificationMethod, IssuedElevatedToken> issue) {
    Instant now = clock.instant();
    // An unknown scope is refused before any proof is spent on it.
    acting.environment().settings().requireKnown(scopes);
    ProofChecker.Attempt attempted = attempt(acting, proof, scopes, now);
    VerificationMethod method = attempted.method();
    verifications.requirePermitted(context, acting, method, scopes, attempted.permission());
    AttemptLimiter.Attempt attempt;
    try {
      attempt = limiter.begin(context, acting.user().id(), method);
    } catch (RefusedException locked) {
      verification(context, acting, method, scopes).failure(locked.refusal().code());
      throw locked;
    }
    Result result = attempted.check().check(now);
    if (result instanceof Result.Failed failed) {
      RefusedException refusal = failed(attempt, context, acting, scopes, failed);
      failed.afterwards().ifPresent(Runnable::run);
      throw refusal;
    }
    // The tally reset, the token and their audit records commit together or not at all; the
    // session and user are the ones this attempt already loaded and checked.
    return transactions.inTransaction(
        () -> {
          limiter.succeeded(attempt);
          verification(context, acting, method, scopes).success();
          return issue.apply(method);
        });
  }

  private ProofChecker.Attempt attempt(Acting acting, Proof proof, Set<Scope> scopes, Instant now) {
    if (proof instanceof Proof.OtpProof p) {
      return checkers.otp().attempt(acting, p, scopes, now);
    } else if (proof instanceof Proof.TotpProof p) {
      return checkers.totp().attempt(acting, p, scopes, now);
    } else if (proof instanceof Proof.RecoveryCodeProof p) {
      return checkers.recoveryCode().attempt(acting, p, scopes, now);
    } else if (proof instanceof Proof.PasskeyProof p) {
      return checkers.passkey().attempt(acting, p, scopes, now);
    } else if (proof instanceof Proof.WalletProof p) {
      return checkers.wallet().attempt(acting, p, scopes, now);
    } else if (proof instanceof Proof.SocialProof p) {
      return checkers.social().attempt(acting, p, scopes, now);
    }
    throw new IllegalStateException("unknown proof " + proof.getClass());
  }

  /** Audits the failure and answers the refusal: the lock, when this failure completed one. */
  private RefusedException failed(
      AttemptLimiter.Attempt attempt,
      SessionContext context,
      Acting acting,
      Set<Scope> scopes,
      Result.Failed failed) {
    verification(context, acting, attempt.method(), scopes).failure(failed.auditReason());
    if (failed.countsAsFailure()) {
      Optional<RefusedException> lock = limiter.failedWithLock(attempt);
      if (lock.isPresent()) {
        return lock.get();
      }
    } else {
      limiter.release(attempt);
    }
    return failed.refusal();
  }

  private Audit.Entry verification(
      SessionContext context, Acting acting, VerificationMethod method, Set<Scope> scopes) {
    return verifications.attempt(context, acting, method, scopes);
  }
}
