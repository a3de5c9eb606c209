package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.stepup.StartPasskeyStepUpCommand;
import dev.stepup.application.port.in.stepup.StartPasskeyStepUpUseCase;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Kind;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Starts a passkey assertion for step-up, allowing only the passkeys the user holds now. */
public final class StartPasskeyStepUpService implements StartPasskeyStepUpUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final Passkeys passkeys;
  private final PasskeyPrompts prompts;
  private final WebAuthnCeremonies webAuthn;
  private final StepUpPolicy policy;
  private final AttemptLimiter limiter;
  private final Clock clock;

  public StartPasskeyStepUpService(
      Environments environments,
      Sessions sessions,
      Users users,
      Passkeys passkeys,
      PasskeyChallenges challenges,
      WebAuthnCeremonies webAuthn,
      StepUpPolicy policy,
      AttemptLimiter limiter,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.passkeys = passkeys;
    this.prompts = new PasskeyPrompts(challenges);
    this.webAuthn = webAuthn;
    this.policy = policy;
    this.limiter = limiter;
    this.clock = clock;
  }

  @Override
  public PasskeyUseCase.Options start(StartPasskeyStepUpCommand command) {
    Instant now = clock.instant();
    Acting acting = Acting.load(command.context(), environments, sessions, users, now);
    Refusals.require(
        policy.permitMethod(
            acting.environment().settings(), acting.user(), VerificationMethod.PASSKEY));
    limiter.ensureNotLocked(acting.user().id(), VerificationMethod.PASSKEY);
    Set<CredentialId> held = held(policy, acting);
    List<String> allowed =
        passkeys.forUser(acting.user().id()).stream()
            .filter(p -> held.contains(p.id()))
            .map(Passkey::webauthnId)
            .toList();
    if (allowed.isEmpty()) {
      throw Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL);
    }
    WebAuthnCeremonies.Ceremony ceremony =
        webAuthn.assertionOptions(PasskeyService.userHandle(acting.user().id()), allowed);
    return prompts.remember(acting, Kind.ASSERTION, ceremony, "", now);
  }

  /** The passkey credentials an assertion may use for this user now (the policy decides). */
  static Set<CredentialId> held(StepUpPolicy policy, Acting acting) {
    return policy
        .credentialsFor(acting.environment().settings(), acting.user(), VerificationMethod.PASSKEY)
        .stream()
        .map(Credential::id)
        .collect(Collectors.toSet());
  }
}
