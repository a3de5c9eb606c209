package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.application.service.verification.ProofChecker.Result;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.application.service.verification.ReplayedCodes;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.TotpCheck;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A code from an authenticator app, checked against the device named or each confirmed device; the
 * device's last accepted time step only moves forward, so a code is never accepted twice.
 */
public final class TotpProofChecker implements ProofChecker<Proof.TotpProof> {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final VerificationMethod METHOD = VerificationMethod.TOTP;

  private final TotpDevices devices;
  private final TotpVerifier totp;
  private final SecretCipher cipher;
  private final StepUpPolicy policy;
  private final SecurityNotifier notifier;

  public TotpProofChecker(
      TotpDevices devices,
      TotpVerifier totp,
      SecretCipher cipher,
      StepUpPolicy policy,
      SecurityNotifier notifier) {
    this.devices = devices;
    this.totp = totp;
    this.cipher = cipher;
    this.policy = policy;
    this.notifier = notifier;
  }

  @Override
  public Attempt attempt(Acting acting, Proof.TotpProof proof, Set<Scope> scopes, Instant now) {
    VerificationPermission permission =
        policy.permitMethod(acting.environment().settings(), acting.user(), METHOD);
    List<TotpDevice> confirmed = devices.confirmedForUser(acting.user().id());
    if (proof.deviceId().isPresent()) {
      confirmed = confirmed.stream().filter(d -> d.id().equals(proof.deviceId().get())).toList();
      // The policy's refusal comes first; a device that is not the user's is not audited.
      if (confirmed.isEmpty() && permission instanceof VerificationPermission.Permitted) {
        throw Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL);
      }
    }
    List<TotpDevice> candidates = confirmed;
    return new Attempt(METHOD, permission, at -> check(acting, candidates, proof.code(), at));
  }

  private Result check(Acting acting, List<TotpDevice> candidates, String code, Instant now) {
    String typed = code == null ? "" : code.strip();
    boolean replayed = false;
    if (SIX_DIGITS.matcher(typed).matches()) {
      long currentStep = TotpCheck.stepAt(now);
      for (TotpDevice device : candidates) {
        OptionalLong step =
            totp.matchingTimeStep(cipher.decrypt(device.encryptedSecret()), typed, now);
        if (step.isEmpty()) {
          continue;
        }
        TotpCheck check = device.check(step.getAsLong(), currentStep);
        // A code accepted once is never accepted again, even on another node.
        if (check == TotpCheck.ACCEPTED && devices.advanceStep(device.id(), step.getAsLong())) {
          return new Result.Proven();
        }
        if (check != TotpCheck.OUTSIDE_WINDOW) {
          replayed = true;
          break;
        }
      }
    }
    // A replay is answered exactly as a wrong code, so it never confirms the code was right.
    return new Result.Failed(
        new RefusedException(RefusalReason.INVALID_TOTP_CODE),
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
