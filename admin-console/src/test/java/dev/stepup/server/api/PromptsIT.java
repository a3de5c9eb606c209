package dev.stepup.server.api;

import static dev.stepup.server.api.ApiErrorsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Prompts over real HTTP: a host creates one (API key or the user's session token), the user's
 * browser opens the hosted page by its launch ticket without signing in, steps up by emailed code,
 * and comes back to the host with a one-time result code the host backend exchanges for the token.
 */
class PromptsIT extends ApiTestServer {

  static final String RETURN = "https://app.example.test/stepped-up";
  static final String OPENER = "http://localhost:9";
  private static final EnvironmentId DEMO = new EnvironmentId("demo");
  private static final RequestOrigin ADMIN = new RequestOrigin("127.0.0.1", "prompts it");

  @Autowired AllowRedirectsUseCase redirects;
  @Autowired AllowBrowserOriginsUseCase origins;
  @Autowired CreateEnvironmentUseCase environments;
  @Autowired CreateApiKeyUseCase apiKeys;

  @BeforeEach
  void allowTheHost() {
    redirects.allowRedirects(
        new AllowRedirectsUseCase.Command(DEMO, List.of(RETURN), "test", ADMIN));
    origins.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(DEMO, List.of(OPENER), "test", ADMIN));
  }

  private record Signed(TestUser user, String sessionId, String sessionToken) {}

  private Signed signedIn() {
    TestUser user = newUser(Map.of());
    ApiClient.Answer session =
        api.post(
            ENV + "/users/" + user.id() + "/sessions",
            API_KEY,
            Map.of("signInCredentialId", user.credential("email")));
    assertThat(session.status()).as(session.raw().body()).isEqualTo(201);
    return new Signed(user, session.text("sessionId"), session.text("sessionToken"));
  }

  private ApiClient.Answer hostPrompt(Signed who, Map<String, Object> extra) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("userId", who.user().id());
    body.put("sessionId", who.sessionId());
    body.put("scopes", List.of("wallet:export", "wallet:sign"));
    body.putAll(extra);
    return api.post(ENV + "/prompts", API_KEY, body);
  }

  private String launchUrl(Signed who, Map<String, Object> extra) {
    ApiClient.Answer created = hostPrompt(who, extra);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.text("promptId")).startsWith("prm_");
    return created.text("url");
  }

  /** Opens the launch URL; answers the clean step-up page address it moves on to. */
  private static String launch(PromptPageBrowser browser, String url) {
    HttpResponse<String> launched = browser.get(url);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
    String page = PromptPageBrowser.location(launched);
    assertThat(page)
        .startsWith("/hosted/demo/step-up?")
        .doesNotContain("ticket")
        .doesNotContain("plt_");
    assertThat(launched.headers().firstValue("Cache-Control")).contains("no-store");
    return page;
  }

  /** The user steps up on the page by the code mailed to them; answers where the browser lands. */
  private String stepUpByEmailOnThePage(PromptPageBrowser browser, Signed who, String page) {
    HttpResponse<String> shown = browser.get(page);
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    assertThat(shown.body())
        .contains("Confirm it’s you")
        .contains("export your wallet&#39;s private key and sign")
        .doesNotContain("sign-out");
    String scope = PromptPageBrowser.parameter("http://x" + page, "scope");
    String returnTo = PromptPageBrowser.parameter("http://x" + page, "returnTo");
    HttpResponse<String> sent =
        browser.post(
            "/hosted/demo/step-up/otp/send",
            Map.of("scope", scope, "returnTo", returnTo, "via", who.user().credential("email")));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    HttpResponse<String> verified =
        browser.post(
            "/hosted/demo/step-up/otp/verify",
            Map.of("scope", scope, "returnTo", returnTo, "code", mailedCode(who.user().email())));
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(303);
    assertThat(PromptPageBrowser.location(verified)).isEqualTo(returnTo);
    HttpResponse<String> finished = browser.get(returnTo);
    assertThat(finished.statusCode()).as(finished.body()).isEqualTo(303);
    return PromptPageBrowser.location(finished);
  }

  private ApiClient.Answer exchange(String key, String code) {
    return api.post(ENV + "/prompts/exchange", key, Map.of("code", code));
  }

  @Test
  void theHostBackendGetsTheTokenForTheResultCodeExactlyOnce() {
    Signed ann = signedIn();
    PromptPageBrowser browser = new PromptPageBrowser(port);
    String page = launch(browser, launchUrl(ann, Map.of("returnTo", RETURN)));

    String back = stepUpByEmailOnThePage(browser, ann, page);

    assertThat(back).startsWith(RETURN + "?code=prc_").endsWith("&status=success");
    assertThat(back).doesNotContain("eyJ");
    String code = PromptPageBrowser.parameter(back, "code");
    ApiClient.Answer result = exchange(API_KEY, code);
    assertThat(result.status()).as(result.raw().body()).isEqualTo(200);
    assertThat(result.text("status")).isEqualTo("success");
    JsonNode token = result.json().get("tokens").get(0);
    assertThat(token.get("scopes").toString()).contains("wallet:export", "wallet:sign");
    ApiClient.Answer introspected =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token.get("elevatedAccessToken").asString(), "scope", "wallet:export"));
    assertThat(introspected.json().get("active").asBoolean()).isTrue();
    assertThat(introspected.text("sub")).isEqualTo(ann.user().id());
    assertThat(introspected.text("sid")).isEqualTo(ann.sessionId());

    assertProblem(exchange(API_KEY, code), 400, "invalid_result_code");
    assertThat(exchange(API_KEY, code).text("detail")).contains("already exchanged");
    List<String> audit =
        jdbc.sql(
                "SELECT type || ' ' || outcome || ' ' || COALESCE(reason, '') FROM audit_trail"
                    + " WHERE user_id = ? ORDER BY pending NULLS FIRST, id")
            .param(ann.user().id())
            .query(String.class)
            .list();
    assertThat(String.join("\n", audit))
        .containsPattern("prompt_created \\w+ prm_")
        .contains("prompt_finished")
        .contains("prompt_result_exchanged")
        .doesNotContain(code)
        .doesNotContain("plt_");
  }

  @Test
  void aLaunchTicketOpensThePageOnceAndExpiresAfterTwoMinutes() {
    Signed ann = signedIn();
    String url = launchUrl(ann, Map.of("returnTo", RETURN));
    launch(new PromptPageBrowser(port), url);

    HttpResponse<String> again = new PromptPageBrowser(port).get(url);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already used").doesNotContain("Confirm it’s you");

    String late = launchUrl(ann, Map.of("returnTo", RETURN));
    CLOCK.advance(Duration.ofMinutes(2));
    HttpResponse<String> expired = new PromptPageBrowser(port).get(late);
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("expired");

    HttpResponse<String> madeUp =
        new PromptPageBrowser(port).get("/hosted/demo/step-up/prompts/launch?ticket=plt_nothing");
    assertThat(madeUp.statusCode()).isEqualTo(400);
    assertThat(madeUp.body()).contains("not valid");
  }

  @Test
  void anotherBrowserCannotWorkOnAnOpenedPrompt() {
    Signed ann = signedIn();
    String page = launch(new PromptPageBrowser(port), launchUrl(ann, Map.of("returnTo", RETURN)));
    HttpResponse<String> stranger = new PromptPageBrowser(port).get(page);
    assertThat(stranger.statusCode()).isEqualTo(400);
    assertThat(stranger.body()).contains("not open in this browser");
  }

  @Test
  void anotherEnvironmentsKeyAndAnExpiredCodeAreRefused() {
    Signed ann = signedIn();
    PromptPageBrowser browser = new PromptPageBrowser(port);
    String page = launch(browser, launchUrl(ann, Map.of("returnTo", RETURN)));
    String code = PromptPageBrowser.parameter(stepUpByEmailOnThePage(browser, ann, page), "code");
    EnvironmentId other =
        new EnvironmentId("other-" + UUID.randomUUID().toString().substring(0, 8));
    environments.create(new CreateEnvironmentUseCase.Command(other, "Other", "test", ADMIN));
    String otherKey =
        apiKeys
            .createApiKey(
                new CreateApiKeyUseCase.Command(
                    other,
                    "it",
                    Set.of(ApiPermission.PROMPTS_WRITE),
                    Optional.empty(),
                    "test",
                    ADMIN))
            .secret();

    assertProblem(
        api.post(
            "/api/v1/environments/" + other.value() + "/prompts/exchange",
            otherKey,
            Map.of("code", code)),
        400,
        "invalid_result_code");
    assertProblem(
        api.post(ENV + "/prompts/exchange", otherKey, Map.of("code", code)),
        401,
        "unauthenticated");

    CLOCK.advance(Duration.ofSeconds(60));
    ApiClient.Answer expired = exchange(API_KEY, code);
    assertProblem(expired, 400, "invalid_result_code");
    assertThat(expired.text("detail")).contains("expired");
  }

  @Test
  void cancellingOnThePageTellsTheHostCancelled() {
    Signed ann = signedIn();
    PromptPageBrowser browser = new PromptPageBrowser(port);
    String page = launch(browser, launchUrl(ann, Map.of("returnTo", RETURN)));
    browser.get(page);
    String returnTo = PromptPageBrowser.parameter("http://x" + page, "returnTo");

    HttpResponse<String> cancelled = browser.post(returnTo + "/cancel", Map.of());

    assertThat(cancelled.statusCode()).isEqualTo(303);
    String back = PromptPageBrowser.location(cancelled);
    assertThat(back).startsWith(RETURN + "?code=prc_").endsWith("&status=cancelled");
    ApiClient.Answer result = exchange(API_KEY, PromptPageBrowser.parameter(back, "code"));
    assertThat(result.text("status")).isEqualTo("cancelled");
    assertThat(result.json().get("tokens").size()).isZero();
    HttpResponse<String> reopened = browser.get(page);
    assertThat(reopened.statusCode()).isEqualTo(400);
  }

  @Test
  void mfaOnlyFailsForAUserWithoutMfaAndSaysWhy() {
    Signed ann = signedIn();
    PromptPageBrowser browser = new PromptPageBrowser(port);
    String page = launch(browser, launchUrl(ann, Map.of("returnTo", RETURN, "mode", "mfa")));

    HttpResponse<String> failed = browser.get(page);

    assertThat(failed.statusCode()).isEqualTo(303);
    String back = PromptPageBrowser.location(failed);
    assertThat(back).endsWith("&status=failed");
    ApiClient.Answer result = exchange(API_KEY, PromptPageBrowser.parameter(back, "code"));
    assertThat(result.text("status")).isEqualTo("failed");
    assertThat(result.text("reason")).isEqualTo("mfa_not_enrolled");
    assertThat(result.json().get("tokens").size()).isZero();
  }

  @Test
  void theUsersOwnClientCreatesAPromptWithItsSessionToken() {
    Signed ann = signedIn();
    ApiClient.Answer popup =
        api.post(
            ENV + "/step-up/prompts",
            ann.sessionToken(),
            Map.of("scopes", List.of("wallet:export"), "origin", OPENER, "mode", "reauth"));
    assertThat(popup.status()).as(popup.raw().body()).isEqualTo(201);
    assertThat(popup.text("url"))
        .startsWith("http://localhost:" + port + "/hosted/demo/step-up/prompts/launch?ticket=plt_");
    assertThat(popup.text("expiresAt")).isNotBlank();
    launch(new PromptPageBrowser(port), popup.text("url"));

    assertProblem(
        api.post(
            ENV + "/step-up/prompts",
            API_KEY,
            Map.of("scopes", List.of("wallet:export"), "returnTo", RETURN)),
        401,
        "unauthenticated");
  }

  @Test
  void targetsTheEnvironmentDoesNotListAndMalformedPromptsAreRefused() {
    Signed ann = signedIn();
    assertProblem(
        hostPrompt(ann, Map.of("returnTo", "https://evil.example/steal")),
        400,
        "redirect_uri_not_allowed");
    assertProblem(
        hostPrompt(ann, Map.of("returnTo", "/hosted/demo/wallet")),
        400,
        "redirect_uri_not_allowed");
    assertProblem(
        hostPrompt(ann, Map.of("origin", "https://evil.example")), 400, "origin_not_allowed");
    assertProblem(hostPrompt(ann, Map.of("origin", "*")), 400, "validation_failed");
    assertProblem(
        hostPrompt(ann, Map.of("origin", OPENER, "returnTo", RETURN)), 400, "validation_failed");
    assertProblem(hostPrompt(ann, Map.of()), 400, "validation_failed");
    assertProblem(
        hostPrompt(ann, Map.of("returnTo", RETURN, "mode", "sometimes")), 400, "validation_failed");
    assertProblem(
        hostPrompt(ann, Map.of("returnTo", RETURN, "scopes", List.of("wallet:steal"))),
        400,
        "unknown_scope");
    Signed bob = signedIn();
    assertProblem(
        api.post(
            ENV + "/prompts",
            API_KEY,
            Map.of(
                "userId", bob.user().id(),
                "sessionId", ann.sessionId(),
                "scopes", List.of("wallet:export"),
                "returnTo", RETURN)),
        404,
        "not_found");
    String introspectOnly =
        apiKeys
            .createApiKey(
                new CreateApiKeyUseCase.Command(
                    DEMO,
                    "it",
                    Set.of(ApiPermission.TOKENS_INTROSPECT),
                    Optional.empty(),
                    "test",
                    ADMIN))
            .secret();
    assertProblem(
        api.post(
            ENV + "/prompts",
            introspectOnly,
            Map.of(
                "userId", ann.user().id(),
                "sessionId", ann.sessionId(),
                "scopes", List.of("wallet:export"),
                "returnTo", RETURN)),
        403,
        "insufficient_permission");
  }
}
