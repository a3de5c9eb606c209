package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One verification method's part of a step-up: what the proof verifies with and whether the policy
 * permits it, then the check of the proof itself, including the compare-and-set that spends it. The
 * orchestrator does the rest (audit, lock, token) the same way for every method.
 */
public interface ProofChecker<P extends Proof> {

  /**
   * Finds what the proof is checked against (the code, challenge or device) and asks the policy.
   *
   * @throws dev.stepup.application.port.in.RefusedException unaudited and uncounted, when there is
   *     nothing to check the proof against
   */
  Attempt attempt(Acting acting, P proof, Set<Scope> scopes, Instant now);

  /** The method the proof verifies with, the policy's answer, and the check to run if permitted. */
  record Attempt(VerificationMethod method, VerificationPermission permission, Check check) {
    public Attempt {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(permission, "permission");
      Objects.requireNonNull(check, "check");
    }
  }

  /** Checks and spends the proof; runs only once the attempt is counted. */
  @FunctionalInterface
  interface Check {
    Result check(Instant now);
  }

  /** What the proof amounted to. */
  sealed interface Result {

    /** The proof holds and is now spent. */
    record Proven() implements Result {}

    /**
     * The proof failed.
     *
     * @param countsAsFailure whether it counts towards the lock (an expired or used challenge does
     *     not)
     * @param auditReason the reason audited, usually the refusal's code
     * @param afterwards what to tell the user once the failure is recorded (a replay's notice)
     */
    record Failed(
        RefusedException refusal,
        boolean countsAsFailure,
        String auditReason,
        Optional<Runnable> afterwards)
        implements Result {

      public static Failed of(RefusedException refusal, boolean countsAsFailure) {
        return new Failed(refusal, countsAsFailure, refusal.refusal().code(), Optional.empty());
      }

      public static Failed of(RefusalReason reason, boolean countsAsFailure) {
        return of(new RefusedException(reason), countsAsFailure);
      }
    }
  }
}
