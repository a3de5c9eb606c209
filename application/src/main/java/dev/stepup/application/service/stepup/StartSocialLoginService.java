package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.StartSocialLinkCommand;
import dev.stepup.application.port.in.stepup.StartSocialLinkUseCase;
import dev.stepup.application.port.in.stepup.StartSocialStepUpCommand;
import dev.stepup.application.port.in.stepup.StartSocialStepUpUseCase;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.VerificationAudit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.social.SocialLogin;
import dev.stepup.domain.social.SocialProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Starts an authorization-code login with PKCE, {@code state} and {@code nonce} at the
 * environment's OpenID Connect provider, for step-up or to prove an account to link. Only the
 * digest of {@code state} is stored.
 */
public final class StartSocialLoginService
    implements StartSocialStepUpUseCase, StartSocialLinkUseCase {

  private static final VerificationMethod METHOD = VerificationMethod.SOCIAL;

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final SocialProviders providers;
  private final SocialLogins logins;
  private final OidcClient oidc;
  private final SecretHasher hasher;
  private final StepUpPolicy policy;
  private final AttemptLimiter limiter;
  private final VerificationAudit verifications;
  private final Clock clock;

  public StartSocialLoginService(
      Environments environments,
      Sessions sessions,
      Users users,
      SocialProviders providers,
      SocialLogins logins,
      OidcClient oidc,
      SecretHasher hasher,
      StepUpPolicy policy,
      AttemptLimiter limiter,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.providers = providers;
    this.logins = logins;
    this.oidc = oidc;
    this.hasher = hasher;
    this.policy = policy;
    this.limiter = limiter;
    this.verifications = new VerificationAudit(new Audit(auditTrail, clock));
    this.clock = clock;
  }

  @Override
  public URI start(StartSocialStepUpCommand command) {
    Instant now = clock.instant();
    Acting acting = Acting.load(command.context(), environments, sessions, users, now);
    SocialProvider registered = provider(acting.environment(), command.provider());
    requireAllowed(acting.environment(), command.redirectUri());
    acting.environment().settings().requireKnown(command.scopes());
    verifications.requirePermitted(
        command.context(),
        acting,
        METHOD,
        command.scopes(),
        policy.permitMethod(acting.environment().settings(), acting.user(), METHOD));
    if (acting.user().credentials().stream()
        .noneMatch(c -> SocialProofChecker.isAccountAt(c, command.provider()))) {
      throw new RefusedException(RefusalReason.NO_LINKED_SOCIAL_ACCOUNT)
          .about(registered.displayName());
    }
    limiter.ensureNotLocked(acting.user().id(), METHOD);
    return start(
        acting,
        registered,
        SocialLogin.Purpose.STEP_UP,
        command.scopes(),
        command.redirectUri(),
        command.callbackUri());
  }

  @Override
  public URI start(StartSocialLinkCommand command) {
    Instant now = clock.instant();
    Acting acting = Acting.load(command.context(), environments, sessions, users, now);
    SocialProvider registered = provider(acting.environment(), command.provider());
    requireAllowed(acting.environment(), command.redirectUri());
    if (!acting.environment().settings().isEnabled(METHOD)) {
      throw new RefusedException(RefusalReason.SOCIAL_DISABLED);
    }
    return start(
        acting,
        registered,
        SocialLogin.Purpose.LINK,
        Set.of(),
        command.redirectUri(),
        command.callbackUri());
  }

  private URI start(
      Acting acting,
      SocialProvider provider,
      SocialLogin.Purpose purpose,
      Set<Scope> scopes,
      String redirectUri,
      String callbackUri) {
    Instant now = clock.instant();
    String state = RandomTokens.secret("");
    String nonce = RandomTokens.secret("");
    String verifier = RandomTokens.secret("");
    URI target;
    try {
      target = oidc.authorizationRequest(provider, callbackUri, state, nonce, verifier);
    } catch (OidcClient.Unavailable unavailable) {
      throw new RefusedException(RefusalReason.PROVIDER_UNAVAILABLE).about(provider.displayName());
    }
    logins.deleteStartedBefore(now.minus(SocialLogin.LIFETIME));
    logins.add(
        SocialLogin.start(
            RandomTokens.id("sol"),
            acting.environment().id(),
            acting.user().id(),
            acting.session().id(),
            provider.name(),
            purpose,
            scopes,
            redirectUri.strip(),
            nonce,
            verifier,
            now),
        hasher.digest(state));
    return target;
  }

  private SocialProvider provider(Environment environment, String name) {
    if (!SocialProvider.isName(name)) {
      throw new NotFoundException("social provider", name);
    }
    return providers
        .find(environment.id(), name)
        .map(SocialProviders.Registration::provider)
        .orElseThrow(() -> new NotFoundException("social provider", name));
  }

  private static void requireAllowed(Environment environment, String redirectUri) {
    if (!environment.allowsReturnTo(redirectUri)) {
      throw new RefusedException(RefusalReason.REDIRECT_URI_NOT_ALLOWED);
    }
  }
}
