package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every failure is problem+json with a stable code, and none leaks internals. */
class ApiErrorsIT extends ApiTestServer {

  @Test
  void malformedJsonNamesTheProblem() {
    ApiClient.Answer broken = api.postRaw(ENV + "/users", API_KEY, "{\"email\": ", Map.of());
    assertProblem(broken, 400, "validation_failed");

    ApiClient.Answer wrongType =
        api.postRaw(ENV + "/users", API_KEY, "{\"externalWallets\": \"0xabc\"}", Map.of());
    assertProblem(wrongType, 400, "validation_failed");
    assertThat(wrongType.text("detail")).contains("externalWallets");
  }

  @Test
  void missingAndInvalidFieldsAreNamed() {
    ApiClient.Answer empty = api.post(ENV + "/users", API_KEY, Map.of());
    assertProblem(empty, 400, "validation_failed");
    assertThat(empty.text("detail")).contains("at least one");

    ApiClient.Answer email = api.post(ENV + "/users", API_KEY, Map.of("email", "not-an-email"));
    assertProblem(email, 400, "validation_failed");
    assertThat(email.text("detail")).startsWith("email");

    TestUser user = newUser();
    String session = signIn(user, null);
    ApiClient.Answer noScope = api.post(ENV + "/step-up/check", session, Map.of());
    assertProblem(noScope, 400, "validation_failed");
    assertThat(noScope.text("detail")).contains("scope");
  }

  @Test
  void unknownScopeIsRefused() {
    TestUser user = newUser();
    String session = signIn(user, null);
    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:steal"));
    assertProblem(check, 400, "unknown_scope");
    assertThat(check.text("detail")).contains("wallet:steal");

    ApiClient.Answer issue =
        api.post(
            ENV + "/elevated-tokens",
            API_KEY,
            Map.of("userId", user.id(), "scopes", List.of("admin:all")));
    assertProblem(issue, 400, "unknown_scope");
  }

  @Test
  void callersWithoutTheRightCredentialAreRefused() {
    assertProblem(
        api.post(ENV + "/users", null, Map.of("email", "a@b.test")), 401, "unauthenticated");
    ApiClient.Answer wrongKey =
        api.post(ENV + "/users", "sk_demo_wrong", Map.of("email", "a@b.test"));
    assertProblem(wrongKey, 401, "unauthenticated");
    assertThat(wrongKey.header("WWW-Authenticate")).startsWith("Bearer");

    TestUser user = newUser();
    String session = signIn(user, null);
    // A session token is not an API key, and an API key is not a session.
    assertProblem(api.get(ENV + "/users/" + user.id(), session), 401, "unauthenticated");
    assertProblem(api.get(ENV + "/me", API_KEY), 401, "unauthenticated");
    assertThat(api.get(ENV + "/me", session).status()).isEqualTo(200);
  }

  @Test
  void credentialsOfOneEnvironmentDoNotWorkInAnother() {
    TestUser user = newUser();
    String session = signIn(user, null);
    String other = "/api/v1/environments/other";
    assertProblem(api.get(other + "/me", session), 401, "unauthenticated");
    assertProblem(
        api.post(other + "/users", API_KEY, Map.of("email", "x@y.test")), 401, "unauthenticated");
    assertProblem(api.get("/api/v1/environments/NOT_VALID/me", session), 404, "not_found");
  }

  @Test
  void unknownUserIsNotFound() {
    assertProblem(api.get(ENV + "/users/usr_missing", API_KEY), 404, "not_found");
  }

  @Test
  void oversizeBodiesAreRefused() {
    String big = "{\"email\":\"" + "a".repeat(70 * 1024) + "@example.test\"}";
    assertProblem(api.postRaw(ENV + "/users", API_KEY, big, Map.of()), 400, "validation_failed");
    ApiClient.Answer chunked = api.postChunked(ENV + "/users", API_KEY, big);
    assertProblem(chunked, 400, "validation_failed");
    assertThat(chunked.text("detail")).contains("64 KiB");
  }

  @Test
  void wrongMethodAndMediaTypeAreProblems() {
    assertProblem(api.get(ENV + "/step-up/check", API_KEY), 405, "method_not_allowed");
    ApiClient.Answer text =
        api.postRaw(ENV + "/users", API_KEY, "email=a", Map.of("Content-Type", "text/plain"));
    assertThat(text.status()).isIn(400, 415);
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    ApiClient.Answer doc = api.get("/v3/api-docs", null);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(
            doc.json().get("paths").has(ENV.replace("demo", "{environmentId}") + "/step-up/check"))
        .isTrue();
    assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
  }

  @Test
  void openApiDocumentListsOnlyTheRequestsParametersNotTheResolvedCaller() {
    // Callers and their elevated token come from headers the security schemes describe.
    java.util.Set<String> parameters = new java.util.TreeSet<>();
    api.get("/v3/api-docs", null)
        .json()
        .get("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> {
                      if (operation.has("parameters")) {
                        operation
                            .get("parameters")
                            .forEach(
                                p ->
                                    parameters.add(
                                        p.get("in").asText() + " " + p.get("name").asText()));
                      }
                    }));
    assertThat(parameters)
        .containsExactlyInAnyOrder(
            "path credentialId",
            "path deviceId",
            "path environmentId",
            "path pendingId",
            "path provider",
            "path sessionId",
            "path userId",
            "path walletId",
            "header X-Elevated-Access-Token",
            "header Stepup-Api-Version",
            "query code",
            "query error",
            "query limit",
            "query redirectUri",
            "query requestedScopes",
            "query state");
  }

  static void assertProblem(ApiClient.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.code()).isEqualTo(code);
    assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    assertThat(answer.text("title")).isNotBlank();
    assertThat(answer.raw().body()).doesNotContain("Exception").doesNotContain("dev.stepup");
  }
}
