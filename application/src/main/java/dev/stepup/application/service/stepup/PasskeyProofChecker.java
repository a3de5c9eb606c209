package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Kind;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Pending;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies.WebAuthnFailure;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.application.service.verification.ProofChecker.Result;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Set;

/**
 * The browser's answer to a passkey prompt this session started: a valid assertion by a passkey the
 * user still holds, whose signature counter moves forward (a compare-and-set, so it spends).
 */
public final class PasskeyProofChecker implements ProofChecker<Proof.PasskeyProof> {

  private static final VerificationMethod METHOD = VerificationMethod.PASSKEY;

  private final Passkeys passkeys;
  private final PasskeyPrompts prompts;
  private final WebAuthnCeremonies webAuthn;
  private final StepUpPolicy policy;
  private final SecurityNotifier notifier;

  public PasskeyProofChecker(
      Passkeys passkeys,
      PasskeyChallenges challenges,
      WebAuthnCeremonies webAuthn,
      StepUpPolicy policy,
      SecurityNotifier notifier) {
    this.passkeys = passkeys;
    this.prompts = new PasskeyPrompts(challenges);
    this.webAuthn = webAuthn;
    this.policy = policy;
    this.notifier = notifier;
  }

  @Override
  public Attempt attempt(Acting acting, Proof.PasskeyProof proof, Set<Scope> scopes, Instant now) {
    Pending pending = prompts.take(acting, proof.challengeId(), Kind.ASSERTION, now);
    return new Attempt(
        METHOD,
        policy.permitMethod(acting.environment().settings(), acting.user(), METHOD),
        at -> check(acting, pending, proof.credentialJson(), at));
  }

  private Result check(Acting acting, Pending pending, String credentialJson, Instant now) {
    UserId owner = acting.user().id();
    // Only a passkey the user still holds verifies, even if a record of another were left.
    Set<CredentialId> held = StartPasskeyStepUpService.held(policy, acting);
    WebAuthnCeremonies.VerifiedAssertion verified;
    try {
      verified =
          webAuthn.assertion(
              pending.request(),
              credentialJson,
              (webauthnId, handle) ->
                  passkeys
                      .findByWebauthnId(webauthnId)
                      .filter(p -> p.userId().equals(owner))
                      .filter(p -> held.contains(p.id()))
                      .filter(p -> p.userHandle().equals(handle))
                      .map(
                          p ->
                              new WebAuthnCeremonies.StoredKey(
                                  p.webauthnId(),
                                  p.userHandle(),
                                  p.publicKeyCose(),
                                  p.signCount())));
    } catch (WebAuthnFailure e) {
      return Result.Failed.of(RefusalReason.PASSKEY_REJECTED, true);
    }
    Passkey passkey =
        passkeys
            .findByWebauthnId(verified.webauthnId())
            .filter(p -> p.userId().equals(owner))
            .filter(p -> held.contains(p.id()))
            .orElseThrow(() -> new NotFoundException("passkey", verified.webauthnId()));
    if (passkey.acceptsCounter(verified.reportedSignCount())
        && passkeys.advanceCounter(
            passkey.id(), passkey.signCount(), verified.reportedSignCount(), now)) {
      return new Result.Proven();
    }
    acting
        .user()
        .credential(passkey.id())
        .ifPresent(
            key ->
                notifier.notify(
                    acting.user(),
                    SecurityNotice.PASSKEY_COUNTER_REGRESSED,
                    SecurityNotifier.describe(key)));
    return Result.Failed.of(RefusalReason.PASSKEY_COUNTER_REGRESSED, true);
  }
}
