package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page on another origin calls the end-user endpoints with a session token, over real HTTP: only
 * an origin the environment lists gets {@code Access-Control-*} headers; API-key endpoints never
 * answer cross-origin.
 */
class BrowserCorsIT extends ApiTestServer {

  private static final EnvironmentId DEMO = new EnvironmentId("demo");
  private static final String APP = "http://localhost:5173";

  @Autowired AllowBrowserOriginsUseCase origins;

  @BeforeEach
  void demoListsTheApp() {
    origins.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(DEMO, List.of(APP), "it", RequestOrigin.internal()));
  }

  @AfterEach
  void demoListsNone() {
    origins.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(DEMO, List.of(), "it", RequestOrigin.internal()));
  }

  private ApiClient.Answer preflight(String path, String origin) {
    return preflight(path, origin, "POST");
  }

  private ApiClient.Answer preflight(String path, String origin, String method) {
    return api.options(
        path,
        Map.of(
            "Origin",
            origin,
            "Access-Control-Request-Method",
            method,
            "Access-Control-Request-Headers",
            "authorization,content-type,x-elevated-access-token,stepup-api-version"));
  }

  private static List<String> all(ApiClient.Answer answer, String header) {
    return answer.raw().headers().allValues(header);
  }

  @Test
  void aListedOriginIsAnsweredWithItselfNeverAStarAndNoCredentialsMode() {
    ApiClient.Answer preflight = preflight(ENV + "/step-up/check", APP);

    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
        .contains("authorization", "content-type", "x-elevated-access-token", "stepup-api-version");
    assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    assertThat(String.join(",", all(preflight, "Vary"))).contains("Origin");

    // /me, the passkey and wallet challenges: every end-user endpoint alike.
    assertThat(preflight(ENV + "/me", APP, "GET").header("Access-Control-Allow-Origin"))
        .isEqualTo(APP);
    assertThat(preflight(ENV + "/step-up/wallet/challenge", APP).status()).isEqualTo(200);
  }

  @Test
  void theCheckAndAChallengeFromAListedOriginExposeTheChallengeHeader() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    ApiClient.Answer check =
        api.post(
            ENV + "/step-up/check",
            session,
            Map.of("scope", "credential:link"),
            Map.of("Origin", APP));
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(check.header("Access-Control-Expose-Headers"))
        .contains("WWW-Authenticate", "X-Request-Id");
    assertThat(String.join(",", all(check, "Vary"))).contains("Origin");

    // A protected action refused for want of a token: the page can read the RFC 9470 challenge.
    ApiClient.Answer challenged =
        api.post(
            ENV + "/credentials",
            session,
            Map.of("format", "phoneNumber", "value", "+4915112345678"),
            Map.of("Origin", APP));
    assertThat(challenged.status()).isEqualTo(401);
    assertThat(challenged.code()).isEqualTo("step_up_required");
    assertThat(challenged.header("WWW-Authenticate")).contains("insufficient_user_authentication");
    assertThat(challenged.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(challenged.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
  }

  @Test
  void anOriginNotListedGetsA403PreflightAndNoHeaders() {
    for (String origin :
        List.of(
            "https://evil.example.test",
            "http://localhost:5174",
            "null",
            "http://127.0.0.1:5173")) {
      ApiClient.Answer preflight = preflight(ENV + "/step-up/check", origin);
      assertThat(preflight.status()).as(origin).isEqualTo(403);
      assertThat(preflight.header("Access-Control-Allow-Origin")).as(origin).isNull();
    }
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    ApiClient.Answer check =
        api.post(
            ENV + "/step-up/check",
            session,
            Map.of("scope", "credential:link"),
            Map.of("Origin", "https://evil.example.test"));
    assertThat(check.header("Access-Control-Allow-Origin")).isNull();
    assertThat(check.header("Access-Control-Expose-Headers")).isNull();
  }

  @Test
  void apiKeyEndpointsNeverAnswerCrossOriginEvenToAListedOrigin() {
    for (String path :
        List.of(
            ENV + "/elevated-tokens",
            ENV + "/elevated-tokens/introspect",
            ENV + "/users",
            ENV + "/users/usr_x/sessions")) {
      ApiClient.Answer preflight = preflight(path, APP);
      assertThat(preflight.status()).as(path).isEqualTo(403);
      assertThat(preflight.header("Access-Control-Allow-Origin")).as(path).isNull();
    }
    TestUser user = newUser();
    ApiClient.Answer created =
        api.post(
            ENV + "/users/" + user.id() + "/sessions",
            API_KEY,
            Map.of("signInCredentialId", user.credential("email")),
            Map.of("Origin", APP));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Access-Control-Allow-Origin")).isNull();
    assertThat(created.header("Access-Control-Expose-Headers")).isNull();
  }

  @Test
  void theTokenExchangeAnswersAListedOriginButTheBackendAssertionNever() {
    ApiClient.Answer exchange = preflight(ENV + "/sessions/token-exchange", APP);
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(exchange.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    ApiClient.Answer elsewhere = preflight(ENV + "/sessions/token-exchange", "https://evil.test");
    assertThat(elsewhere.status()).isEqualTo(403);
    assertThat(elsewhere.header("Access-Control-Allow-Origin")).isNull();
    ApiClient.Answer assertion = preflight(ENV + "/elevated-tokens/assertion", APP);
    assertThat(assertion.status()).isEqualTo(403);
    assertThat(assertion.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void withoutAnOriginNothingChanges() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "credential:link"));
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.header("Access-Control-Allow-Origin")).isNull();
  }
}
