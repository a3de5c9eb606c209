package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SocialStepUpUseCase;
import dev.stepup.application.port.in.stepup.SocialStepUpUseCase.ProviderAnswer;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.social.OidcClient;
import dev.stepup.application.port.out.social.SocialLogins;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.service.stepup.SocialLoginService;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.social.SocialLogin;
import dev.stepup.domain.social.SocialProvider;
import dev.stepup.domain.user.User;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocialLoginServiceTest {

  private static final String DONE = "https://app.example.com/done";
  private static final String CALLBACK = "https://stepup.example.com/callback";

  private final Fixture f = new Fixture();
  private final MemoryProviders providers = new MemoryProviders();
  private final MemoryLogins logins = new MemoryLogins();
  private final ScriptedProvider oidc = new ScriptedProvider();
  private final SocialLoginService social =
      new SocialLoginService(
          f.environments,
          f.sessions,
          f.users,
          providers,
          logins,
          oidc,
          f.cipher,
          f.hasher,
          f.tokenMint,
          f.limiter,
          f.policy,
          f.guard,
          f.transactions,
          f.notifier,
          f.audit,
          f.clock);

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
        new Credential(
            new CredentialId("cred_social"),
            CredentialFormat.OAUTH,
            SocialLogin.credentialIdentifier("acmeid", "sub-ada"),
            Optional.of("acmeid"),
            Optional.of("a***@example.com"),
            false,
            f.clock.instant(),
            false));
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

  private static Map<String, String> fragment(SocialStepUpUseCase.Outcome outcome) {
    return fragment(outcome.redirect());
  }

  private static Map<String, String> fragment(URI done) {
    assertThat(done.toString()).startsWith(DONE + "#");
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : done.getRawFragment().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
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

  private static final class MemoryProviders implements SocialProviders {
    final Map<String, Registration> byKey = new ConcurrentHashMap<>();

    @Override
    public Optional<Registration> find(EnvironmentId environmentId, String name) {
      return Optional.ofNullable(byKey.get(environmentId.value() + "/" + name));
    }

    @Override
    public List<SocialProvider> list(EnvironmentId environmentId) {
      return byKey.values().stream()
          .map(Registration::provider)
          .filter(p -> p.environmentId().equals(environmentId))
          .toList();
    }

    @Override
    public void save(SocialProvider provider, byte[] sealedClientSecret) {
      byKey.put(
          provider.environmentId().value() + "/" + provider.name(),
          new Registration(provider, sealedClientSecret));
    }
  }

  private static final class MemoryLogins implements SocialLogins {
    final Map<String, SocialLogin> byId = new ConcurrentHashMap<>();
    final Map<String, String> idByState = new ConcurrentHashMap<>();

    @Override
    public void add(SocialLogin login, String stateDigest) {
      byId.put(login.id(), login);
      idByState.put(stateDigest, login.id());
    }

    @Override
    public Optional<SocialLogin> findByState(String stateDigest) {
      return Optional.ofNullable(idByState.get(stateDigest)).map(byId::get);
    }

    @Override
    public Optional<SocialLogin> find(String id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean complete(String id, Instant now) {
      SocialLogin l = byId.get(id);
      if (l == null || l.completedAt().isPresent()) {
        return false;
      }
      byId.put(id, with(l, Optional.of(now), l.subject(), l.email(), l.linkedAt()));
      return true;
    }

    @Override
    public synchronized void identify(String id, String subject, Optional<String> email) {
      SocialLogin l = byId.get(id);
      byId.put(id, with(l, l.completedAt(), Optional.of(subject), email, l.linkedAt()));
    }

    @Override
    public synchronized boolean markLinked(String id, Instant now) {
      SocialLogin l = byId.get(id);
      if (l == null || l.subject().isEmpty() || l.linkedAt().isPresent()) {
        return false;
      }
      byId.put(id, with(l, l.completedAt(), l.subject(), l.email(), Optional.of(now)));
      return true;
    }

    @Override
    public void deleteStartedBefore(Instant cutoff) {
      byId.values().removeIf(l -> l.startedAt().isBefore(cutoff));
    }

    private static SocialLogin with(
        SocialLogin l,
        Optional<Instant> completed,
        Optional<String> subject,
        Optional<String> email,
        Optional<Instant> linked) {
      return new SocialLogin(
          l.id(),
          l.environmentId(),
          l.userId(),
          l.sessionId(),
          l.provider(),
          l.purpose(),
          l.scopes(),
          l.redirectUri(),
          l.nonce(),
          l.codeVerifier(),
          l.startedAt(),
          completed,
          subject,
          email,
          linked);
    }
  }
}
