package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.mfa.RecoveryMaterial;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.application.service.verification.ProofChecker.Result;
import dev.stepup.application.service.verification.ReplayedCodes;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.RecoveryCodes;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One of the user's recovery codes, found by its keyed digest and spent once; a used code is
 * answered like a wrong one, audited as {@code replayed} and told to the user.
 */
public final class RecoveryCodeProofChecker implements ProofChecker<Proof.RecoveryCodeProof> {

  private static final VerificationMethod METHOD = VerificationMethod.RECOVERY_CODE;

  private final RecoveryCodeStore recoveryCodes;
  private final SecretHasher hasher;
  private final StepUpPolicy policy;
  private final SecurityNotifier notifier;
  private final TransactionRunner transactions;

  public RecoveryCodeProofChecker(
      RecoveryCodeStore recoveryCodes,
      SecretHasher hasher,
      StepUpPolicy policy,
      SecurityNotifier notifier,
      TransactionRunner transactions) {
    this.recoveryCodes = recoveryCodes;
    this.hasher = hasher;
    this.policy = policy;
    this.notifier = notifier;
    this.transactions = transactions;
  }

  @Override
  public Attempt attempt(
      Acting acting, Proof.RecoveryCodeProof proof, Set<Scope> scopes, Instant now) {
    return new Attempt(
        METHOD,
        policy.permitMethod(acting.environment().settings(), acting.user(), METHOD),
        at -> check(acting, proof.code(), at));
  }

  private Result check(Acting acting, String code, Instant now) {
    String normalized = RecoveryCodes.normalize(code == null ? "" : code);
    boolean replayed = false;
    if (RecoveryCodes.isWellFormed(normalized)) {
      // Codes carry 112+ bits, so one keyed digest per attempt finds the code by value.
      String digest = hasher.digest(RecoveryMaterial.of(acting.user().id(), normalized));
      // The notice is queued with the spend, so a used code is never left untold.
      boolean spent =
          transactions.inTransaction(
              () -> {
                if (!recoveryCodes.spend(acting.user().id(), digest, now)) {
                  return false;
                }
                int left = recoveryCodes.unusedCount(acting.user().id());
                notifier.notify(
                    acting.user(),
                    SecurityNotice.RECOVERY_CODE_USED,
                    "One of your recovery codes (" + left + " left unused)");
                return true;
              });
      if (spent) {
        return new Result.Proven();
      }
      replayed = recoveryCodes.isSpent(acting.user().id(), digest);
    }
    return new Result.Failed(
        new RefusedException(RefusalReason.INVALID_RECOVERY_CODE),
        true,
        replayed ? ReplayedCodes.REPLAYED : Refusal.INVALID_CODE.code(),
        replayed
            ? Optional.of(
                () ->
                    notifier.notify(
                        acting.user(),
                        SecurityNotice.CODE_REPLAYED,
                        ReplayedCodes.replayedCode(METHOD)))
            : Optional.empty());
  }
}
