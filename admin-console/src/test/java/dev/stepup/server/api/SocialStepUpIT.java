package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Social re-authentication against a real OpenID Connect provider running in-process
 * (mock-oauth2-server): the browser's redirects are followed by hand so each step can be checked or
 * tampered with.
 */
public class SocialStepUpIT extends ApiTestServer {

  /** One provider for every test class of the run; it stops with the JVM. */
  static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

  static final String DONE = "https://app.example.test/step-up/done";
  private static final HttpClient BROWSER =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  static {
    PROVIDER.start();
  }

  @Autowired ManageSocialProvidersUseCase providers;
  @Autowired AllowRedirectsUseCase environments;

  @BeforeEach
  void provider() {
    register(providers, environments);
  }

  /** Registers the in-process provider as {@code mock} in the demo environment. */
  public static void register(
      ManageSocialProvidersUseCase providers, AllowRedirectsUseCase environments) {
    EnvironmentId demo = new EnvironmentId("demo");
    providers.register(
        new SocialProvider(
            demo,
            "mock",
            "Mock ID",
            URI.create(PROVIDER.issuerUrl("default").toString()),
            "stepup-client"),
        "client-secret",
        "test",
        new RequestOrigin("127.0.0.1", "social test"));
    environments.allowRedirects(
        new AllowRedirectsUseCase.Command(
            demo, List.of(DONE), "test", new RequestOrigin("127.0.0.1", "social test")));
  }

  @Test
  void aLinkedAccountStepsUpAndTheTokenOpensTheAction() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String subject = "sub-" + UUID.randomUUID();
    String credentialId = linkAccount(session, user, subject);

    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:export"));
    assertThat(check.json().get("credentials").toString()).contains(credentialId, "\"oauth\"");

    Map<String, String> outcome = stepUp(session, subject, "wallet:export");
    assertThat(outcome).containsEntry("outcome", "success").containsEntry("singleUse", "true");
    assertThat(outcome.get("scopes")).isEqualTo("wallet:export");
    ApiClient.Answer introspected =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", outcome.get("elevatedAccessToken"), "scope", "wallet:export"));
    assertThat(introspected.json().get("active").asBoolean()).isTrue();
    assertThat(introspected.text("sub")).isEqualTo(user.id());

    String wallet = user.credential("blockchain");
    ApiClient.Answer exported =
        api.post(
            ENV + "/wallets/" + wallet + "/export",
            session,
            Map.of(),
            Map.of("X-Elevated-Access-Token", outcome.get("elevatedAccessToken")));
    assertThat(exported.status()).as(exported.raw().body()).isEqualTo(200);
  }

  @Test
  void aScriptAskingForJsonGetsTheUrlToNavigateTo() throws Exception {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String subject = "sub-" + UUID.randomUUID();
    linkAccount(session, user, subject);

    HttpResponse<String> answer =
        BROWSER.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + ENV
                            + "/step-up/social/mock/authorize?requestedScopes=wallet:sign"
                            + "&redirectUri="
                            + URLEncoder.encode(DONE, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + session)
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    String url = ApiClient.JSON.readTree(answer.body()).get("authorizationUrl").asString();
    assertThat(url).startsWith(PROVIDER.issuerUrl("default").toString());
    assertThat(fragment(visit(atProvider(URI.create(url), subject))))
        .containsEntry("outcome", "success");
  }

  @Test
  void anotherAccountAtTheProviderIsRefused() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    linkAccount(session, user, "sub-" + UUID.randomUUID());

    Map<String, String> outcome = stepUp(session, "someone-else", "wallet:sign");
    assertThat(outcome)
        .containsEntry("outcome", "error")
        .containsEntry("code", "account_not_linked")
        .doesNotContainKey("elevatedAccessToken");
  }

  @Test
  void aTamperedStateIsRefusedWithoutARedirect() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String subject = "sub-" + UUID.randomUUID();
    linkAccount(session, user, subject);

    URI callback = atProvider(authorize(session, "wallet:sign"), subject);
    URI forged = withParameter(callback, "state", "forged-" + UUID.randomUUID());
    HttpResponse<String> answer = visit(forged);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Location")).isEmpty();
    assertThat(answer.body()).contains("\"code\":\"unknown_challenge\"");

    // The genuine answer still works once, and only once.
    assertThat(fragment(visit(callback))).containsEntry("outcome", "success");
    assertThat(fragment(visit(callback)))
        .containsEntry("outcome", "error")
        .containsEntry("code", "code_expired");
  }

  @Test
  void anIdTokenForAnotherNonceIsRefused() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String subject = "sub-" + UUID.randomUUID();
    linkAccount(session, user, subject);

    URI toProvider = authorize(session, "wallet:sign");
    assertThat(toProvider.getQuery())
        .contains("code_challenge_method=S256", "nonce=", "state=", "code_challenge=");
    // The provider is asked to put another nonce in the ID token than the one this login holds.
    URI replayed = withParameter(toProvider, "nonce", "nonce-of-another-login");
    Map<String, String> outcome = fragment(visit(atProvider(replayed, subject)));
    assertThat(outcome)
        .containsEntry("outcome", "error")
        .containsEntry("code", "social_login_failed")
        .doesNotContainKey("elevatedAccessToken");
    assertThat(outcome.get("message")).containsIgnoringCase("nonce");
  }

  @Test
  void aRedirectUriNotAllowedForTheEnvironmentIsRefused() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    linkAccount(session, user, "sub-" + UUID.randomUUID());

    ApiClient.Answer refused =
        api.get(
            ENV
                + "/step-up/social/mock/authorize?requestedScopes=wallet:sign&redirectUri="
                + URLEncoder.encode("https://evil.example.test/steal", StandardCharsets.UTF_8),
            session);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.code()).isEqualTo("redirect_uri_not_allowed");
    assertThat(refused.header("Location")).isNull();
  }

  @Test
  void aUserWithoutALinkedAccountCannotStartAndProvidersMustExist() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    ApiClient.Answer unlinked =
        api.get(
            ENV + "/step-up/social/mock/authorize?requestedScopes=wallet:sign&redirectUri=" + DONE,
            session);
    assertThat(unlinked.status()).isEqualTo(403);
    assertThat(unlinked.code()).isEqualTo("no_eligible_credential");

    ApiClient.Answer unknown =
        api.get(
            ENV + "/step-up/social/nope/authorize?requestedScopes=wallet:sign&redirectUri=" + DONE,
            session);
    assertThat(unknown.status()).isEqualTo(404);

    ApiClient.Answer anonymous =
        api.get(
            ENV + "/step-up/social/mock/authorize?requestedScopes=wallet:sign&redirectUri=" + DONE,
            null);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void aLoginIsLinkedOnlyWithATokenAndOnlyOnce() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String subject = "sub-" + UUID.randomUUID();
    Map<String, String> login = linkLogin(session, subject);
    assertThat(login).containsEntry("outcome", "success");

    ApiClient.Answer withoutToken = link(session, login.get("loginId"), null);
    assertThat(withoutToken.status()).isEqualTo(401);
    assertThat(withoutToken.code()).isEqualTo("step_up_required");

    TestUser other = newUser();
    String otherSession = signIn(other, other.credential("email"));
    String otherToken =
        stepUpByEmail(otherSession, other, "credential:link").text("elevatedAccessToken");
    assertThat(link(otherSession, login.get("loginId"), otherToken).code())
        .as("another session cannot take this login")
        .isEqualTo("unknown_challenge");

    String token = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    ApiClient.Answer linked = link(session, login.get("loginId"), token);
    assertThat(linked.status()).as(linked.raw().body()).isEqualTo(201);
    assertThat(linked.text("format")).isEqualTo("oauth");
    assertThat(linked.text("type")).isEqualTo("mock");

    // The same provider account cannot be linked to a second user.
    Map<String, String> again = linkLogin(otherSession, subject);
    assertThat(again).containsEntry("outcome", "error").containsEntry("code", "credential_in_use");
  }

  // ---- the browser's part ---------------------------------------------------------------------

  /** Links the provider account {@code subject} to the user, as a host app would. */
  private String linkAccount(String session, TestUser user, String subject) {
    return linkAccount(this, session, user, subject);
  }

  public static String linkAccount(
      ApiTestServer server, String session, TestUser user, String subject) {
    Map<String, String> login = linkLogin(server.api, session, subject);
    assertThat(login).as(login.toString()).containsEntry("outcome", "success");
    String token =
        server.stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    ApiClient.Answer linked = link(server.api, session, login.get("loginId"), token);
    assertThat(linked.status()).as(linked.raw().body()).isEqualTo(201);
    return linked.text("id");
  }

  private Map<String, String> linkLogin(String session, String subject) {
    return linkLogin(api, session, subject);
  }

  private static Map<String, String> linkLogin(ApiClient api, String session, String subject) {
    ApiClient.Answer start =
        api.get(ENV + "/credentials/oauth/mock/authorize?redirectUri=" + DONE, session);
    assertThat(start.status()).as(start.raw().body()).isEqualTo(302);
    return fragment(visit(atProvider(URI.create(start.header("Location")), subject)));
  }

  private ApiClient.Answer link(String session, String loginId, String token) {
    return link(api, session, loginId, token);
  }

  private static ApiClient.Answer link(
      ApiClient api, String session, String loginId, String token) {
    return api.post(
        ENV + "/credentials",
        session,
        Map.of("format", "oauth", "loginId", loginId),
        token == null ? Map.of() : Map.of("X-Elevated-Access-Token", token));
  }

  private Map<String, String> stepUp(String session, String subject, String scope) {
    return fragment(visit(atProvider(authorize(session, scope), subject)));
  }

  private URI authorize(String session, String scope) {
    ApiClient.Answer start =
        api.get(
            ENV
                + "/step-up/social/mock/authorize?requestedScopes="
                + scope
                + "&redirectUri="
                + URLEncoder.encode(DONE, StandardCharsets.UTF_8),
            session);
    assertThat(start.status()).as(start.raw().body()).isEqualTo(302);
    URI location = URI.create(start.header("Location"));
    assertThat(location.toString()).startsWith(PROVIDER.issuerUrl("default").toString());
    return location;
  }

  /** The provider signs in {@code subject} at its next login. */
  public static void nextLoginIs(String subject) {
    PROVIDER.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            subject,
            "JWT",
            null,
            Map.of("email", subject + "@mail.example.test", "email_verified", true)));
  }

  /** Signs in at the provider as {@code subject}; answers where the provider sends the browser. */
  private static URI atProvider(URI authorization, String subject) {
    nextLoginIs(subject);
    HttpResponse<String> answer = visit(authorization);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(callback.getPath()).endsWith("/step-up/social/mock/callback");
    return callback;
  }

  private static HttpResponse<String> visit(URI uri) {
    try {
      return BROWSER.send(
          HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where the server finally sends the browser: the redirect URI with the outcome. */
  private static Map<String, String> fragment(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    URI done = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(done.getScheme() + "://" + done.getAuthority() + done.getPath()).isEqualTo(DONE);
    assertThat(done.getRawQuery()).as("nothing secret in the query").isNull();
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : done.getRawFragment().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return values;
  }

  private static URI withParameter(URI uri, String name, String value) {
    StringBuilder query = new StringBuilder();
    for (String pair : uri.getRawQuery().split("&")) {
      String key = pair.split("=", 2)[0];
      query.append(query.length() == 0 ? "" : "&");
      query.append(
          key.equals(name) ? key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8) : pair);
    }
    String base = uri.toString();
    return URI.create(base.substring(0, base.indexOf('?')) + "?" + query);
  }
}
