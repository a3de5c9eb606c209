package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.application.service.verification.ProofChecker.Result;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An external wallet's signature over a step-up challenge this session was given: the signer
 * recovered from it must be the challenged address, and the challenge is spent once.
 */
public final class WalletProofChecker implements ProofChecker<Proof.WalletProof> {

  private final WalletChallenges challenges;
  private final WalletSignatures signatures;
  private final StepUpPolicy policy;

  public WalletProofChecker(
      WalletChallenges challenges, WalletSignatures signatures, StepUpPolicy policy) {
    this.challenges = challenges;
    this.signatures = signatures;
    this.policy = policy;
  }

  @Override
  public Attempt attempt(Acting acting, Proof.WalletProof proof, Set<Scope> scopes, Instant now) {
    WalletChallenge challenge =
        challenges
            .find(proof.challengeId())
            .filter(c -> c.belongsTo(acting.session().id()))
            .orElseThrow(() -> new RefusedException(RefusalReason.UNKNOWN_WALLET_CHALLENGE));
    if (!(challenge.purpose() instanceof WalletChallenge.Purpose.StepUp stepUp)) {
      throw new RefusedException(RefusalReason.LINK_CHALLENGE_FOR_STEP_UP);
    }
    if (!stepUp.covers(scopes)) {
      throw new IllegalArgumentException(
          "requestedScopes: the signed message named only "
              + stepUp.scopes().stream().map(Scope::wire).collect(Collectors.joining(", ")));
    }
    Credential wallet =
        acting
            .user()
            .credential(challenge.walletId())
            .orElseThrow(() -> Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL));
    return new Attempt(
        VerificationMethod.WALLET,
        policy.permitCredential(acting.environment().settings(), acting.user(), wallet),
        at -> check(challenge, proof.signature(), at));
  }

  private Result check(WalletChallenge challenge, String signature, Instant now) {
    Optional<String> signer =
        signature == null || signature.length() > WalletChallengeIssuer.MAX_SIGNATURE
            ? Optional.empty()
            : signatures.recoverSigner(challenge.message(), signature.strip());
    return switch (challenge.verify(signer, now)) {
      case ACCEPTED ->
          challenges.markUsed(challenge.id(), now)
              ? new Result.Proven()
              : Result.Failed.of(RefusalReason.CHALLENGE_USED, false);
      case ALREADY_USED -> Result.Failed.of(RefusalReason.CHALLENGE_USED, false);
      case EXPIRED -> Result.Failed.of(RefusalReason.CHALLENGE_EXPIRED, false);
      case WRONG_SIGNER ->
          Result.Failed.of(
              new RefusedException(RefusalReason.INVALID_SIGNATURE).about(challenge.address()),
              true);
    };
  }
}
