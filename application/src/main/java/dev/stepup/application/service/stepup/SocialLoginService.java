package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkSocialAccountUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SocialStepUpUseCase;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.Verifications;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.credential.Masking;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.social.SocialLogin;
import dev.stepup.domain.social.SocialProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Social re-authentication and linking: an authorization-code login with PKCE, {@code state} and
 * {@code nonce} at the environment's OpenID Connect provider, whose subject must be one of the
 * user's linked {@code oauth} credentials.
 */
public final class SocialLoginService
    implements SocialStepUpUseCase, LinkSocialAccountUseCase, ManageSocialProvidersUseCase {

  private static final VerificationMethod METHOD = VerificationMethod.SOCIAL;
  private static final int MAX_SUBJECT = 200;
  private static final int MAX_ANSWER = 2048;

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final SocialProviders providers;
  private final SocialLogins logins;
  private final OidcClient oidc;
  private final SecretCipher cipher;
  private final SecretHasher hasher;
  private final StepUpPolicy policy;
  private final AuthorizeProtectedActionUseCase guard;
  private final TransactionRunner transactions;
  private final SecurityNotifier notifier;
  private final Verifications verifications;
  private final Audit audit;
  private final Clock clock;

  public SocialLoginService(
      Environments environments,
      Sessions sessions,
      Users users,
      SocialProviders providers,
      SocialLogins logins,
      OidcClient oidc,
      SecretCipher cipher,
      SecretHasher hasher,
      TokenMint mint,
      AttemptLimiter limiter,
      StepUpPolicy policy,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.providers = providers;
    this.logins = logins;
    this.oidc = oidc;
    this.cipher = cipher;
    this.hasher = hasher;
    this.policy = policy;
    this.guard = guard;
    this.transactions = transactions;
    this.notifier = notifier;
    this.audit = new Audit(auditTrail, clock);
    this.verifications = new Verifications(mint, transactions, limiter, audit, clock);
    this.clock = clock;
  }

  // ---- providers ------------------------------------------------------------------------------

  @Override
  public void register(
      SocialProvider provider, String clientSecret, String actor, RequestOrigin origin) {
    if (clientSecret == null || clientSecret.isEmpty() || clientSecret.length() > 1024) {
      throw new IllegalArgumentException("provider client secret: 1-1024 characters");
    }
    environments
        .find(provider.environmentId())
        .orElseThrow(() -> new NotFoundException("environment", provider.environmentId()));
    providers.save(provider, cipher.encrypt(clientSecret.getBytes(StandardCharsets.UTF_8)));
    audit
        .event(AuditEventType.SOCIAL_PROVIDER_REGISTERED, provider.environmentId(), origin)
        .actor(actor)
        .success(provider.name());
  }

  @Override
  public List<SocialProvider> providers(EnvironmentId environmentId) {
    return providers.list(environmentId);
  }

  // ---- starting a login -----------------------------------------------------------------------

  @Override
  public URI authorize(
      SessionContext context,
      String provider,
      Set<Scope> scopes,
      String redirectUri,
      String callbackUri) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("requestedScopes: name at least one scope");
    }
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    SocialProvider registered = provider(acting.environment(), provider);
    requireAllowed(acting.environment(), redirectUri);
    verifications.permitted(
        context,
        acting,
        METHOD,
        scopes,
        policy.permitMethod(acting.environment().settings(), acting.user(), METHOD));
    if (acting.user().credentials().stream().noneMatch(c -> isAccountAt(c, provider))) {
      throw new RefusedException(
          Refusal.NO_ELIGIBLE_CREDENTIAL,
          "No " + registered.displayName() + " account is linked to this user.");
    }
    verifications.ensureNotLocked(acting, METHOD);
    return start(acting, registered, SocialLogin.Purpose.STEP_UP, scopes, redirectUri, callbackUri);
  }

  @Override
  public URI authorizeLink(
      SessionContext context, String provider, String redirectUri, String callbackUri) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    SocialProvider registered = provider(acting.environment(), provider);
    requireAllowed(acting.environment(), redirectUri);
    if (!acting.environment().settings().isEnabled(METHOD)) {
      throw new RefusedException(
          Refusal.METHOD_DISABLED, "Social sign-in is turned off in this environment.");
    }
    return start(acting, registered, SocialLogin.Purpose.LINK, Set.of(), redirectUri, callbackUri);
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
      throw new RefusedException(
          Refusal.PROVIDER_UNAVAILABLE,
          provider.displayName() + " could not be reached; try again later.");
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
      throw new RefusedException(
          Refusal.REDIRECT_URI_NOT_ALLOWED,
          "redirectUri is not allowed for this environment; an admin can add it in the console.");
    }
  }

  private static boolean isAccountAt(Credential credential, String provider) {
    return credential.format() == CredentialFormat.OAUTH
        && credential.type().filter(provider::equals).isPresent();
  }

  // ---- the provider's answer ------------------------------------------------------------------

  @Override
  public Outcome callback(
      EnvironmentId environmentId,
      String provider,
      ProviderAnswer answer,
      String callbackUri,
      RequestOrigin origin) {
    Instant now = clock.instant();
    SocialLogin login =
        Optional.ofNullable(answer.state())
            .filter(s -> !s.isEmpty() && s.length() <= MAX_ANSWER)
            .flatMap(s -> logins.findByState(hasher.digest(s)))
            .filter(l -> l.environmentId().equals(environmentId))
            .filter(l -> l.provider().equals(provider))
            .orElseThrow(
                () ->
                    new RefusedException(
                        Refusal.UNKNOWN_CHALLENGE,
                        "This sign-in is unknown or was already finished; start again."));
    boolean stillAllowed =
        environments
            .find(environmentId)
            .filter(e -> e.allowsReturnTo(login.redirectUri()))
            .isPresent();
    if (!stillAllowed) {
      throw new RefusedException(
          Refusal.REDIRECT_URI_NOT_ALLOWED,
          "The page this sign-in was to return to is no longer allowed for this environment.");
    }
    SessionContext context = new SessionContext(environmentId, login.sessionId(), origin);
    Acting acting;
    try {
      acting = Acting.load(context, environments, sessions, users, now);
    } catch (RefusedException ended) {
      return failed(login, ended);
    }
    if (login.status(now) != SocialLogin.Status.PENDING || !logins.complete(login.id(), now)) {
      return failed(
          login,
          new RefusedException(
              Refusal.CODE_EXPIRED, "This sign-in expired or was already used; start again."));
    }
    return login.purpose() == SocialLogin.Purpose.STEP_UP
        ? stepUp(context, acting, login, answer, callbackUri)
        : identifyForLink(context, acting, login, answer, callbackUri);
  }

  private Outcome stepUp(
      SessionContext context,
      Acting acting,
      SocialLogin login,
      ProviderAnswer answer,
      String callbackUri) {
    Set<Scope> scopes = login.scopes();
    AttemptLimiter.Attempt attempt;
    try {
      verifications.permitted(
          context,
          acting,
          METHOD,
          scopes,
          policy.permitMethod(acting.environment().settings(), acting.user(), METHOD));
      attempt = verifications.begin(context, acting, METHOD, scopes);
    } catch (RefusedException refused) {
      return failed(login, refused);
    }
    OidcClient.Identity identity;
    try {
      identity = identify(acting.environment(), login, answer, callbackUri);
    } catch (RefusedException refused) {
      boolean counts = refused.refusal() == Refusal.SOCIAL_LOGIN_FAILED;
      return failed(login, failure(attempt, context, acting, scopes, refused, counts));
    }
    String identifier = SocialLogin.credentialIdentifier(login.provider(), identity.subject());
    boolean linked =
        acting.user().credentials().stream()
            .anyMatch(c -> isAccountAt(c, login.provider()) && c.identifier().equals(identifier));
    if (!linked) {
      RefusedException refused =
          new RefusedException(
              Refusal.ACCOUNT_NOT_LINKED,
              "That account is not the one linked to this user; sign in with the linked account.");
      return failed(login, failure(attempt, context, acting, scopes, refused, true));
    }
    IssuedElevatedToken token = verifications.succeed(attempt, context, acting, METHOD, scopes);
    return new Outcome(
        login.redirectUri(),
        login.sessionId(),
        Optional.of(token),
        Optional.empty(),
        Optional.empty());
  }

  private Outcome identifyForLink(
      SessionContext context,
      Acting acting,
      SocialLogin login,
      ProviderAnswer answer,
      String callbackUri) {
    try {
      OidcClient.Identity identity = identify(acting.environment(), login, answer, callbackUri);
      ensureUnlinked(
          context, SocialLogin.credentialIdentifier(login.provider(), identity.subject()));
      logins.identify(login.id(), identity.subject(), identity.email());
    } catch (RefusedException refused) {
      return failed(login, linkRefused(context, acting, refused));
    }
    return new Outcome(
        login.redirectUri(),
        login.sessionId(),
        Optional.empty(),
        Optional.of(login.id()),
        Optional.empty());
  }

  /** The provider's answer turned into a validated identity, or a refusal saying why not. */
  private OidcClient.Identity identify(
      Environment environment, SocialLogin login, ProviderAnswer answer, String callbackUri) {
    if (answer.error() != null) {
      throw new RefusedException(
          Refusal.SOCIAL_LOGIN_CANCELLED,
          "The sign-in at the provider was cancelled or refused; try again.");
    }
    if (answer.code() == null || answer.code().isEmpty() || answer.code().length() > MAX_ANSWER) {
      throw new RefusedException(
          Refusal.SOCIAL_LOGIN_FAILED, "The provider sent no authorization code.");
    }
    SocialProviders.Registration registration =
        providers
            .find(environment.id(), login.provider())
            .orElseThrow(
                () ->
                    new RefusedException(
                        Refusal.SOCIAL_LOGIN_FAILED, "This provider is no longer configured."));
    String secret =
        new String(cipher.decrypt(registration.sealedClientSecret()), StandardCharsets.UTF_8);
    OidcClient.Identity identity;
    try {
      identity =
          oidc.redeem(
              registration.provider(),
              secret,
              callbackUri,
              answer.code(),
              login.codeVerifier(),
              login.nonce());
    } catch (OidcClient.Rejected rejected) {
      throw new RefusedException(
          Refusal.SOCIAL_LOGIN_FAILED,
          "The provider's answer did not prove a sign-in (" + rejected.getMessage() + ").");
    } catch (OidcClient.Unavailable unavailable) {
      throw new RefusedException(
          Refusal.PROVIDER_UNAVAILABLE, "The provider could not be reached; try again later.");
    }
    if (identity.subject().isEmpty() || identity.subject().length() > MAX_SUBJECT) {
      throw new RefusedException(
          Refusal.SOCIAL_LOGIN_FAILED, "The provider's subject is empty or too long.");
    }
    return identity;
  }

  private RefusedException failure(
      AttemptLimiter.Attempt attempt,
      SessionContext context,
      Acting acting,
      Set<Scope> scopes,
      RefusedException refused,
      boolean countsAsFailure) {
    return verifications.failed(
        attempt,
        context,
        acting,
        METHOD,
        scopes,
        refused.refusal(),
        refused.getMessage(),
        countsAsFailure);
  }

  private static Outcome failed(SocialLogin login, RefusedException refused) {
    return new Outcome(
        login.redirectUri(),
        login.sessionId(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(refused));
  }

  // ---- linking --------------------------------------------------------------------------------

  @Override
  public Credential link(SessionContext context, String loginId, Optional<String> elevatedToken) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    SocialLogin login =
        Optional.ofNullable(loginId)
            .flatMap(logins::find)
            .filter(l -> l.environmentId().equals(context.environmentId()))
            .filter(l -> l.linkable(acting.session().id(), now))
            .orElseThrow(
                () ->
                    linkRefused(
                        context,
                        acting,
                        new RefusedException(
                            Refusal.UNKNOWN_CHALLENGE,
                            "No completed sign-in to link for this session; sign in with the"
                                + " provider again.")));
    String subject = login.subject().orElseThrow();
    String identifier = SocialLogin.credentialIdentifier(login.provider(), subject);
    ensureUnlinked(context, identifier);
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    if (!logins.markLinked(login.id(), now)) {
      throw linkRefused(
          context,
          acting,
          new RefusedException(Refusal.UNKNOWN_CHALLENGE, "This sign-in was already linked."));
    }
    Credential credential =
        new Credential(
            new CredentialId(RandomTokens.id("cred")),
            CredentialFormat.OAUTH,
            identifier,
            Optional.of(login.provider()),
            Optional.of(login.email().map(Masking::email).orElse(login.provider() + " account")),
            false,
            now,
            false);
    transactions.inTransaction(
        () -> {
          ensureUnlinked(context, identifier);
          acting.user().addCredential(credential);
          users.save(acting.user());
          notifier.notify(
              acting.user(),
              SecurityNotice.CREDENTIAL_LINKED,
              SecurityNotifier.describe(credential));
        });
    audit
        .bySession(AuditEventType.CREDENTIAL_LINKED, context, acting, METHOD)
        .success(credential.id().value());
    return credential;
  }

  private void ensureUnlinked(SessionContext context, String identifier) {
    if (users
        .findByCredential(context.environmentId(), CredentialFormat.OAUTH, identifier)
        .isPresent()) {
      throw new RefusedException(
          Refusal.CREDENTIAL_IN_USE, "This account is already linked to a user.");
    }
  }

  private RefusedException linkRefused(
      SessionContext context, Acting acting, RefusedException refused) {
    audit
        .bySession(AuditEventType.CREDENTIAL_LINKED, context, acting, METHOD)
        .failure(refused.refusal().code());
    return refused;
  }
}
