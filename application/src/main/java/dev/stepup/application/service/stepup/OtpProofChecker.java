package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.application.service.verification.ProofChecker.Result;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.application.service.verification.ReplayedCodes;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.OtpOutcome;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The email or SMS code sent to the session most recently, checked against its digest and spent
 * with a compare-and-set; a replayed code is answered exactly like a wrong one.
 */
public final class OtpProofChecker implements ProofChecker<Proof.OtpProof> {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  private final OtpChallenges challenges;
  private final SecretHasher hasher;
  private final StepUpPolicy policy;
  private final SecurityNotifier notifier;

  public OtpProofChecker(
      OtpChallenges challenges,
      SecretHasher hasher,
      StepUpPolicy policy,
      SecurityNotifier notifier) {
    this.challenges = challenges;
    this.hasher = hasher;
    this.policy = policy;
    this.notifier = notifier;
  }

  /** The digest material of a step-up code. */
  static String codeMaterial(String challengeId, String code) {
    return "otp:" + challengeId + ":" + code;
  }

  @Override
  public Attempt attempt(Acting acting, Proof.OtpProof proof, Set<Scope> scopes, Instant now) {
    OtpChallenge challenge =
        challenges
            .latestForSession(acting.session().id())
            .orElseThrow(() -> new RefusedException(RefusalReason.NO_PENDING_CODE));
    Credential credential =
        acting
            .user()
            .credential(challenge.credentialId())
            .orElseThrow(() -> Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL));
    return new Attempt(
        challenge.channel(),
        policy.permitCredential(acting.environment().settings(), acting.user(), credential),
        at -> check(acting, challenge, proof.code(), at));
  }

  private Result check(Acting acting, OtpChallenge challenge, String code, Instant now) {
    String typed = code == null ? "" : code.strip();
    boolean matches =
        SIX_DIGITS.matcher(typed).matches()
            && hasher.digestMatches(codeMaterial(challenge.id(), typed), challenge.codeDigest());
    OtpOutcome outcome = challenge.verify(matches, now);
    if (outcome == OtpOutcome.ACCEPTED && !challenges.markUsed(challenge.id(), now)) {
      outcome = OtpOutcome.REPLAYED; // a concurrent entry of the same code won
    }
    if (outcome == OtpOutcome.ACCEPTED) {
      return new Result.Proven();
    }
    if (outcome.answersAsWrongCode()) {
      if (outcome == OtpOutcome.WRONG_CODE) {
        challenges.recordWrongEntry(challenge.id());
      }
      // A used code answers every entry alike, so a replay cannot tell the code was right.
      int left = outcome == OtpOutcome.WRONG_CODE ? challenge.attemptsLeft() : 0;
      boolean replayed = outcome == OtpOutcome.REPLAYED;
      return new Result.Failed(
          new RefusedException(RefusalReason.INVALID_CODE).attemptsLeft(left),
          true,
          replayed ? ReplayedCodes.REPLAYED : Refusal.INVALID_CODE.code(),
          replayed
              ? Optional.of(() -> replayNotice(acting, challenge.channel()))
              : Optional.empty());
    }
    boolean expired = outcome == OtpOutcome.EXPIRED;
    return Result.Failed.of(
        expired ? RefusalReason.CODE_EXPIRED : RefusalReason.CODE_EXHAUSTED, false);
  }

  private void replayNotice(Acting acting, VerificationMethod channel) {
    notifier.notify(
        acting.user(), SecurityNotice.CODE_REPLAYED, ReplayedCodes.replayedCode(channel));
  }
}
