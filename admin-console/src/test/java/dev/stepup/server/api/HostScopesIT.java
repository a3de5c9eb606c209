package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageHostScopesUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.client.Introspection;
import dev.stepup.client.StepUpClient;
import dev.stepup.client.VerifiedToken;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An environment's own scopes over HTTP, added through the use case the console uses: check asks
 * for step-up, verify issues a token carrying the name with the scope's lifetime, introspection and
 * the Java client accept it; another environment's scope and a removed one are unknown.
 */
class HostScopesIT extends ApiTestServer {

  private static final EnvironmentId DEMO = new EnvironmentId("demo");
  private static final EnvironmentId OTHER = new EnvironmentId("host-scopes-other");

  @Autowired ManageHostScopesUseCase hostScopes;
  @Autowired FindEnvironmentsUseCase environments;
  @Autowired CreateEnvironmentUseCase createEnvironment;
  @Autowired AllowRedirectsUseCase redirects;

  @Value("${stepup.issuer}")
  String issuer;

  private void define(EnvironmentId env, String name, TokenUse use, int minutes) {
    if (environments.find(env).orElseThrow().settings().knows(Scope.parse(name))) {
      return;
    }
    hostScopes.add(
        new ManageHostScopesUseCase.Add(
            env,
            name,
            "send a payment",
            Enforcement.ENFORCE,
            use,
            Duration.ofMinutes(minutes),
            "it-admin",
            RequestOrigin.internal()));
  }

  private ApiClient.Answer check(String session, String scope) {
    return api.post(ENV + "/step-up/check", session, Map.of("scope", scope));
  }

  private static JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JsonMapper.builder()
        .build()
        .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  @Test
  void aHostScopeIsCheckedVerifiedAndIntrospectedLikeABuiltIn() {
    define(DEMO, "payments:send", TokenUse.SINGLE, 3);
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    ApiClient.Answer checked = check(session, "payments:send");
    assertThat(checked.status()).as(checked.raw().body()).isEqualTo(200);
    assertThat(checked.json().get("isRequired").asBoolean()).isTrue();

    String token = stepUpByEmail(session, user, "payments:send").text("elevatedAccessToken");
    JsonNode claims = claims(token);
    assertThat(claims.get("scope").asString()).isEqualTo("payments:send");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(180);

    ApiClient.Answer introspected =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token, "scope", "payments:send"));
    assertThat(introspected.status()).as(introspected.raw().body()).isEqualTo(200);
    assertThat(introspected.json().get("active").asBoolean()).isTrue();
    // A check presenting the token answers that it is held.
    ApiClient.Answer held =
        api.post(
            ENV + "/step-up/check",
            session,
            Map.of("scope", "payments:send"),
            Map.of("X-Elevated-Access-Token", token));
    assertThat(held.json().get("isRequired").asBoolean()).isFalse();
  }

  @Test
  void aBackendIssuedTokenForHostAndBuiltInScopesLivesTheShorterLifetimeAndTheJavaClientReadsIt() {
    define(DEMO, "payments:approve", TokenUse.MULTI, 4);
    TestUser user = newUser();
    signIn(user, user.credential("email"));

    ApiClient.Answer issued =
        api.post(
            ENV + "/elevated-tokens",
            API_KEY,
            Map.of("userId", user.id(), "scopes", List.of("wallet:sign", "payments:approve")));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String token = issued.text("elevatedAccessToken");
    assertThat(claims(token).get("scope").asString()).isEqualTo("wallet:sign payments:approve");

    StepUpClient client =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .issuer(issuer)
            .environment("demo")
            .apiKey(API_KEY)
            .build();
    VerifiedToken verified = client.verify(token, "payments:approve");
    assertThat(verified.scopes()).containsExactlyInAnyOrder("wallet:sign", "payments:approve");
    assertThat(Duration.between(verified.issuedAt(), verified.expiresAt()))
        .isEqualTo(Duration.ofMinutes(4));
    Introspection introspection = client.introspect(token, "payments:approve");
    assertThat(introspection.active()).isTrue();
    assertThat(introspection.scopes()).contains("payments:approve");
  }

  @Test
  void anotherEnvironmentsScopeIsUnknownHere() {
    if (environments.find(OTHER).isEmpty()) {
      createEnvironment.create(
          new CreateEnvironmentUseCase.Command(OTHER, "Other", "it", RequestOrigin.internal()));
    }
    define(OTHER, "vault:open", TokenUse.SINGLE, 5);
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    ApiClient.Answer checked = check(session, "vault:open");
    assertThat(checked.status()).isEqualTo(400);
    assertThat(checked.code()).isEqualTo("unknown_scope");
    ApiClient.Answer issued =
        api.post(
            ENV + "/elevated-tokens",
            API_KEY,
            Map.of("userId", user.id(), "scopes", List.of("vault:open")));
    assertThat(issued.status()).isEqualTo(400);
    assertThat(issued.code()).isEqualTo("unknown_scope");
    api.post(ENV + "/step-up/otp/send", session, Map.of());
    ApiClient.Answer verified =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of(
                "verificationToken",
                mailedCode(user.email()),
                "requestedScopes",
                List.of("vault:open")));
    assertThat(verified.status()).isEqualTo(400);
    assertThat(verified.code()).isEqualTo("unknown_scope");
    ApiClient.Answer malformed = check(session, "Vault:Open");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("unknown_scope");
  }

  @Test
  void aRemovedScopeIsRefusedAndIssuesNoMoreTokens() {
    define(DEMO, "payments:void", TokenUse.SINGLE, 5);
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    assertThat(check(session, "payments:void").status()).isEqualTo(200);

    hostScopes.remove(
        new ManageHostScopesUseCase.Remove(
            DEMO, "payments:void", "it-admin", RequestOrigin.internal()));

    ApiClient.Answer checked = check(session, "payments:void");
    assertThat(checked.status()).isEqualTo(400);
    assertThat(checked.code()).isEqualTo("unknown_scope");
    ApiClient.Answer issued =
        api.post(
            ENV + "/elevated-tokens",
            API_KEY,
            Map.of("userId", user.id(), "scopes", List.of("payments:void")));
    assertThat(issued.status()).isEqualTo(400);
    assertThat(issued.code()).isEqualTo("unknown_scope");
  }

  @Test
  void aPromptForAHostScopeShowsTheAdminsWordsAndOneForAnUnknownScopeIsRefused() {
    define(DEMO, "payments:send", TokenUse.SINGLE, 3);
    redirects.allowRedirects(
        new AllowRedirectsUseCase.Command(
            DEMO, List.of(PromptsIT.RETURN), "test", RequestOrigin.internal()));
    TestUser user = newUser(Map.of());
    ApiClient.Answer session =
        api.post(
            ENV + "/users/" + user.id() + "/sessions",
            API_KEY,
            Map.of("signInCredentialId", user.credential("email")));
    String sessionId = session.text("sessionId");

    ApiClient.Answer created =
        api.post(
            ENV + "/prompts",
            API_KEY,
            Map.of(
                "userId",
                user.id(),
                "sessionId",
                sessionId,
                "scopes",
                List.of("payments:send", "wallet:sign"),
                "returnTo",
                PromptsIT.RETURN));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    PromptPageBrowser browser = new PromptPageBrowser(port);
    java.net.http.HttpResponse<String> launched = browser.get(created.text("url"));
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
    java.net.http.HttpResponse<String> page = browser.get(PromptPageBrowser.location(launched));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("sign with your wallet and send a payment");

    ApiClient.Answer unknown =
        api.post(
            ENV + "/prompts",
            API_KEY,
            Map.of(
                "userId",
                user.id(),
                "sessionId",
                sessionId,
                "scopes",
                List.of("vault:open"),
                "returnTo",
                PromptsIT.RETURN));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.code()).isEqualTo("unknown_scope");
  }
}
