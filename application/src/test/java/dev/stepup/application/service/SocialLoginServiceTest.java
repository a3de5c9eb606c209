package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static dev.stepup.domain.testdata.CredentialTestData.aCredential;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.InMemorySocialLogins;
import dev.stepup.application.fakes.InMemorySocialProviders;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.stepup.FinishSocialLoginCommand;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase.Outcome;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase.ProviderAnswer;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.StartSocialLinkCommand;
import dev.stepup.application.port.in.stepup.StartSocialStepUpCommand;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.service.credential.SocialLinking;
import dev.stepup.application.service.stepup.FinishSocialLoginService;
import dev.stepup.application.service.stepup.SocialIdentities;
import dev.stepup.application.service.stepup.SocialProofChecker;
import dev.stepup.application.service.stepup.SocialProviderService;
import dev.stepup.application.service.stepup.StartSocialLoginService;
import dev.stepup.application.service.stepup.VerifyStepUpService;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.social.SocialLogin;
import dev.stepup.domain.social.SocialProvider;
import dev.stepup.domain.user.User;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocialLoginServiceTest {

  private static final String DONE = "https://app.example.com/done";
  private static final String CALLBACK = "https://stepup.example.com/callback";

  private final Fixture f = new Fixture();
  private final InMemorySocialProviders providers = new InMemorySocialProviders();
  private final InMemorySocialLogins logins = new InMemorySocialLogins();
  private final ScriptedProvider oidc = new ScriptedProvider();
  private final VerifyStepUpService verify =
      new VerifyStepUpService(
          f.environments,
          f.sessions,
          f.users,
          new VerifyStepUpService.Checkers(
              failingChecker(),
              failingChecker(),
              failingChecker(),
              failingChecker(),
              failingChecker(),
              new SocialProofChecker(new SocialIdentities(providers, oidc, f.cipher), f.policy)),
          f.tokenMint,
          f.transactions,
          f.limiter,
          f.audit,
          f.clock);
  private final SocialLinking linking =
      new SocialLinking(
          f.environments,
          f.sessions,
          f.users,
          logins,
          f.guard,
          f.transactions,
          f.notifier,
          f.audit,
          f.clock);
  private final Social social = new Social();

  /** The social use cases, called as the adapters call them. */
  private final class Social {
    final SocialProviderService registry =
        new SocialProviderService(f.environments, providers, f.cipher, f.audit, f.clock);
    final StartSocialLoginService start =
        new StartSocialLoginService(
            f.environments,
            f.sessions,
            f.users,
            providers,
            logins,
            oidc,
            f.hasher,
            f.policy,
            f.limiter,
            f.audit,
            f.clock);
    final FinishSocialLoginService finish =
        new FinishSocialLoginService(
            f.environments,
            f.sessions,
            f.users,
            logins,
            f.hasher,
            new SocialIdentities(providers, oidc, f.cipher),
            verify,
            linking,
            f.clock);

    void register(SocialProvider provider, String secret, String actor, RequestOrigin origin) {
      registry.register(provider, secret, actor, origin);
    }

    URI authorize(
        SessionContext context, String provider, Set<Scope> scopes, String to, String back) {
      return start.start(new StartSocialStepUpCommand(context, provider, scopes, to, back));
    }

    URI authorizeLink(SessionContext context, String provider, String to, String back) {
      return start.start(new StartSocialLinkCommand(context, provider, to, back));
    }

    Outcome callback(
        EnvironmentId environment,
        String provider,
        ProviderAnswer answer,
        String back,
        RequestOrigin origin) {
      return finish.finish(
          new FinishSocialLoginCommand(
              environment, provider, answer, back, origin, Optional.empty()));
    }
  }

  private static <P extends Proof> ProofChecker<P> failingChecker() {
    return (acting, proof, scopes, now) -> {
      throw new IllegalStateException("not a social proof");
    };
  }

  private User user;
  private SessionContext session;

  @BeforeEach
  void linkedUser() {
    social.register(
        new SocialProvider(ENV, "acmeid", null, URI.create("https://id.acme.test"), "client-1"),
        "very-secret",
        "admin",
        ORIGIN);
    var environment = f.environments.find(ENV).orElseThrow();
    environment.allowRedirects(dev.stepup.domain.environment.RedirectAllowList.of(List.of(DONE)));
    f.environments.save(environment);
    user = f.emailUser("ada@example.com");
    user.addCredential(
        aCredential(CredentialFormat.OAUTH, SocialLogin.credentialIdentifier("acmeid", "sub-ada"))
            .withId("cred_social")
            .ofType("acmeid")
            .aliased("a***@example.com")
            .addedAt(f.clock.instant())
            .build());
    f.users.save(user);
    session = f.signIn(user);
  }

  @Test
  void theClientSecretIsKeptSealed() {
    byte[] sealed = providers.find(ENV, "acmeid").orElseThrow().sealedClientSecret();
    assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("very-secret");
    assertThat(new String(f.cipher.decrypt(sealed), StandardCharsets.UTF_8))
        .isEqualTo("very-secret");
  }

  @Test
  void theLinkedSubjectReceivesATokenForTheScopesAsked() {
    Map<String, String> outcome = complete(start(Scope.WALLET_EXPORT), "sub-ada");
    assertThat(outcome).containsEntry("outcome", "success");
    assertThat(oidc.redeemedWith).containsExactly("very-secret");
    AuditEvent verified = f.lastEvent(AuditEventType.VERIFICATION);
    assertThat(verified.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
    assertThat(verified.method()).contains(VerificationMethod.SOCIAL);
    assertThat(verified.scopes()).containsExactly(Scope.WALLET_EXPORT);
  }

  @Test
  void repeatedForeignSubjectsLockTheMethod() {
    String code = "";
    for (int i = 0; i < FailureTally.THRESHOLD; i++) {
      code = complete(start(Scope.WALLET_SIGN), "sub-mallory").get("code");
    }
    assertThat(code).isEqualTo("too_many_attempts");
    assertThat(
            refusal(
                    () ->
                        social.authorize(
                            session, "acmeid", Set.of(Scope.WALLET_SIGN), DONE, CALLBACK))
                .refusal()
                .code())
        .isEqualTo("too_many_attempts");
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
  }

  @Test
  void aCancelledLoginIsReportedAndNotCounted() {
    for (int i = 0; i < FailureTally.THRESHOLD + 1; i++) {
      URI target = start(Scope.WALLET_SIGN);
      Map<String, String> outcome =
          fragment(
              social.callback(
                  ENV,
                  "acmeid",
                  new ProviderAnswer(oidc.stateOf(target), null, "access_denied"),
                  CALLBACK,
                  ORIGIN));
      assertThat(outcome).containsEntry("code", "social_login_cancelled");
    }
    assertThat(complete(start(Scope.WALLET_SIGN), "sub-ada")).containsEntry("outcome", "success");
  }

  @Test
  void anUnreachableProviderIsNotCountedAgainstTheUser() {
    URI target = start(Scope.WALLET_SIGN);
    oidc.unavailable = true;
    assertThat(complete(target, "sub-ada")).containsEntry("code", "provider_unavailable");
    assertThat(
            f.tallies
                .find(user.id(), VerificationMethod.SOCIAL)
                .map(FailureTally::failures)
                .orElse(0))
        .isZero();
  }

  @Test
  void anEndedSessionOrAnExpiredLoginGetsNoToken() {
    URI late = start(Scope.WALLET_SIGN);
    f.clock.advance(SocialLogin.LIFETIME);
    assertThat(complete(late, "sub-ada")).containsEntry("code", "code_expired");

    URI orphan = start(Scope.WALLET_SIGN);
    f.userService.end(new EndSessionUseCase.Command(ENV, session.sessionId(), ORIGIN));
    assertThat(complete(orphan, "sub-ada")).containsEntry("code", "invalid_token");
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
  }

  @Test
  void aDisabledMethodCannotStartAStepUpOrALink() {
    f.changeSettings(ENV, s -> s.withMethod(VerificationMethod.SOCIAL, false));
    assertThat(
            refusal(
                    () ->
                        social.authorize(
                            session, "acmeid", Set.of(Scope.WALLET_SIGN), DONE, CALLBACK))
                .refusal()
                .code())
        .isEqualTo("method_disabled");
    assertThat(
            refusal(() -> social.authorizeLink(session, "acmeid", DONE, CALLBACK)).refusal().code())
        .isEqualTo("method_disabled");
  }

  @Test
  void aLoginBelongsToItsEnvironmentAndProvider() {
    URI target = start(Scope.WALLET_SIGN);
    String state = oidc.stateOf(target);
    assertThat(
            refusal(
                    () ->
                        social.callback(
                            new EnvironmentId("globex"),
                            "acmeid",
                            new ProviderAnswer(state, "code", null),
                            CALLBACK,
                            ORIGIN))
                .refusal()
                .code())
        .isEqualTo("unknown_challenge");
    assertThat(complete(target, "sub-ada")).containsEntry("outcome", "success");
  }

  @Test
  void aRedirectUriRemovedFromTheAllowListIsNotFollowedAnyMore() {
    URI target = start(Scope.WALLET_SIGN);
    var environment = f.environments.find(ENV).orElseThrow();
    environment.allowRedirects(dev.stepup.domain.environment.RedirectAllowList.none());
    f.environments.save(environment);
    oidc.nextSubject = "sub-ada";
    assertThat(
            refusal(
                    () ->
                        social.callback(
                            ENV,
                            "acmeid",
                            new ProviderAnswer(oidc.stateOf(target), "code", null),
                            CALLBACK,
                            ORIGIN))
                .refusal()
                .code())
        .isEqualTo("redirect_uri_not_allowed");
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
  }

  @Test
  void aCallbackInAnotherBrowserSessionIsRefusedAndTheLoginStaysUnspent() {
    URI target = start(Scope.WALLET_SIGN);
    SessionContext other = f.signIn(user);
    oidc.nextSubject = "sub-ada";
    ProviderAnswer answer = new ProviderAnswer(oidc.stateOf(target), "code-sub-ada", null);
    assertThat(
            refusal(
                    () ->
                        social.finish.finish(
                            new FinishSocialLoginCommand(
                                ENV,
                                "acmeid",
                                answer,
                                CALLBACK,
                                ORIGIN,
                                Optional.of(other.sessionId()))))
                .reason())
        .isEqualTo(RefusalReason.SOCIAL_LOGIN_FROM_ANOTHER_SESSION);
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
    assertThat(f.tokens.forSession(other.sessionId())).isEmpty();

    Outcome mine =
        social.finish.finish(
            new FinishSocialLoginCommand(
                ENV, "acmeid", answer, CALLBACK, ORIGIN, Optional.of(session.sessionId())));
    assertThat(fragment(mine)).containsEntry("outcome", "success");
  }

  @Test
  void aSocialProofIsOnlyTakenFromTheCallback() {
    URI target = start(Scope.WALLET_SIGN);
    SocialLogin login = logins.findByState(f.hasher.digest(oidc.stateOf(target))).orElseThrow();
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                verify.verify(
                    new dev.stepup.application.port.in.stepup.VerifyStepUpCommand(
                        session,
                        new Proof.SocialProof(
                            login, new ProviderAnswer("x", "code", null), CALLBACK),
                        Set.of(Scope.WALLET_SIGN))));
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private URI start(Scope scope) {
    return social.authorize(session, "acmeid", Set.of(scope), DONE, CALLBACK);
  }

  private Map<String, String> complete(URI target, String subject) {
    oidc.nextSubject = subject;
    return fragment(
        social.callback(
            ENV,
            "acmeid",
            new ProviderAnswer(oidc.stateOf(target), "code-" + subject, null),
            CALLBACK,
            ORIGIN));
  }

  /** What the redirect URI's fragment would say (the REST adapter writes it). */
  private static Map<String, String> fragment(Outcome outcome) {
    assertThat(outcome.redirectUri()).isEqualTo(DONE);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("outcome", outcome.refusal().isPresent() ? "error" : "success");
    outcome.refusal().ifPresent(r -> values.put("code", r.refusal().code()));
    outcome.token().ifPresent(t -> values.put("tokenId", t.tokenId().value()));
    return values;
  }

  /** A provider that answers what the test scripts, checking the nonce as a real one would. */
  private static final class ScriptedProvider implements OidcClient {
    final Map<String, String> nonceByState = new HashMap<>();
    final List<String> redeemedWith = new ArrayList<>();
    String nextSubject = "sub-ada";
    boolean unavailable;

    @Override
    public URI authorizationRequest(
        SocialProvider provider, String callbackUri, String state, String nonce, String verifier) {
      nonceByState.put(state, nonce);
      return URI.create(provider.issuer() + "/authorize?state=" + state);
    }

    String stateOf(URI target) {
      return target.getQuery().substring("state=".length());
    }

    @Override
    public Identity redeem(
        SocialProvider provider,
        String clientSecret,
        String callbackUri,
        String code,
        String codeVerifier,
        String nonce) {
      if (unavailable) {
        throw new Unavailable("down", null);
      }
      if (!nonceByState.containsValue(nonce)) {
        throw new Rejected("nonce");
      }
      redeemedWith.add(clientSecret);
      return new Identity(nextSubject, Optional.empty());
    }
  }
}
