package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.application.service.verification.ProofChecker.Result;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.social.SocialLogin;
import java.time.Instant;
import java.util.Set;

/**
 * The provider's answer to a completed step-up login: its subject must be one of the user's linked
 * accounts at that provider. The login itself was spent when the callback completed it.
 */
public final class SocialProofChecker implements ProofChecker<Proof.SocialProof> {

  private static final VerificationMethod METHOD = VerificationMethod.SOCIAL;

  private final SocialIdentities identities;
  private final StepUpPolicy policy;

  public SocialProofChecker(SocialIdentities identities, StepUpPolicy policy) {
    this.identities = identities;
    this.policy = policy;
  }

  /** Whether the credential is an account at {@code provider}. */
  static boolean isAccountAt(Credential credential, String provider) {
    return credential.format() == CredentialFormat.OAUTH
        && credential.type().filter(provider::equals).isPresent();
  }

  @Override
  public Attempt attempt(Acting acting, Proof.SocialProof proof, Set<Scope> scopes, Instant now) {
    return new Attempt(
        METHOD,
        policy.permitMethod(acting.environment().settings(), acting.user(), METHOD),
        at -> check(acting, proof));
  }

  private Result check(Acting acting, Proof.SocialProof proof) {
    SocialLogin login = proof.login();
    OidcClient.Identity identity;
    try {
      identity =
          identities.identify(acting.environment(), login, proof.answer(), proof.callbackUri());
    } catch (RefusedException refused) {
      boolean counts = refused.refusal() == Refusal.SOCIAL_LOGIN_FAILED;
      return Result.Failed.of(refused, counts);
    }
    String identifier = SocialLogin.credentialIdentifier(login.provider(), identity.subject());
    boolean linked =
        acting.user().credentials().stream()
            .anyMatch(c -> isAccountAt(c, login.provider()) && c.identifier().equals(identifier));
    if (!linked) {
      return Result.Failed.of(RefusalReason.ACCOUNT_NOT_LINKED, true);
    }
    return new Result.Proven();
  }
}
