package dev.stepup.server.api;

import static dev.stepup.server.api.ApiErrorsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * API keys do only what their permissions allow, stop at their expiry, and refusals are audited.
 */
class ApiKeyPermissionsIT extends ApiTestServer {

  private static final EnvironmentId DEMO = new EnvironmentId("demo");

  @Autowired CreateApiKeyUseCase environments;

  private String key(Set<ApiPermission> permissions, Optional<Instant> expiresAt) {
    return environments
        .createApiKey(
            new CreateApiKeyUseCase.Command(
                DEMO, "it key", permissions, expiresAt, "admin", RequestOrigin.internal()))
        .secret();
  }

  private long refusals(String reasonLike) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_trail WHERE type = 'api_key_refused' AND reason LIKE ?")
        .param(reasonLike)
        .query(Long.class)
        .single();
  }

  @Test
  void aKeyWithOnlyIntrospectCanIntrospectButNotCreateUsers() {
    String gateway = key(Set.of(ApiPermission.TOKENS_INTROSPECT), Optional.empty());

    ApiClient.Answer introspect =
        api.post(ENV + "/elevated-tokens/introspect", gateway, Map.of("token", "not-a-token"));
    assertThat(introspect.status()).as(introspect.raw().body()).isEqualTo(200);
    assertThat(introspect.json().get("active").asBoolean()).isFalse();

    ApiClient.Answer create = api.post(ENV + "/users", gateway, Map.of("email", "x@example.test"));
    assertProblem(create, 403, "insufficient_permission");
    assertThat(create.text("detail")).contains("users:write");
    assertProblem(
        api.post(
            ENV + "/elevated-tokens",
            gateway,
            Map.of("userId", newUser().id(), "scopes", List.of("wallet:sign"))),
        403,
        "insufficient_permission");
    assertThat(refusals("insufficient_permission users:write for API key key_%")).isPositive();
    // The bootstrap demo key still may do everything.
    assertThat(api.post(ENV + "/users", API_KEY, Map.of("email", "y@example.test")).status())
        .isEqualTo(201);
  }

  @Test
  void anExpiredKeyIsRefusedLikeAnUnknownOne() {
    String expiring =
        key(ApiPermission.ALL, Optional.of(CLOCK.instant().plus(Duration.ofHours(1))));
    String user = ENV + "/users/" + newUser().id();
    assertThat(api.get(user, expiring).status()).isEqualTo(200);

    CLOCK.advance(Duration.ofHours(1));

    ApiClient.Answer expired = api.get(user, expiring);
    assertProblem(expired, 401, "unauthenticated");
    assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aFloodOfBadKeysLeavesAHandfulOfAuditRowsNeverContainingTheKey() {
    // Past every refusal other tests left in the gate's window.
    CLOCK.advance(Duration.ofHours(2));
    String bad = "sk_demo_flood_" + "x".repeat(30);
    long before = refusals("%");

    for (int i = 0; i < 200; i++) {
      assertProblem(
          api.post(ENV + "/elevated-tokens/introspect", bad, Map.of("token", "t")),
          401,
          "unauthenticated");
    }

    long written = refusals("%") - before;
    assertThat(written).isBetween(1L, 3L);
    assertThat(refusals("unknown API key")).isPositive();
    List<Map<String, Object>> rows =
        jdbc.sql("SELECT * FROM audit_trail WHERE type = 'api_key_refused'").query().listOfRows();
    assertThat(rows.toString()).doesNotContain(bad).doesNotContain("flood_x");
  }

  @Test
  void refusedSessionTokensAreAuditedToo() {
    CLOCK.advance(Duration.ofHours(3));
    assertProblem(api.get(ENV + "/me", "st_made_up_token"), 401, "unauthenticated");
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM audit_trail WHERE type = 'session_token_refused'"
                        + " AND environment_id = 'demo'")
                .query(String.class)
                .list())
        .contains("unknown session token")
        .noneMatch(r -> r.contains("st_made_up_token"));
  }

  @Test
  void theOpenApiDocumentNamesThePermissionOfEachKeyEndpointBesideItsSuccess() {
    JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
    String env = "/api/v1/environments/{environmentId}";
    Map<String, String> permissionOf =
        Map.of(
            "post " + env + "/users", "users:write",
            "get " + env + "/users/{userId}", "users:read",
            "post " + env + "/users/{userId}/sessions", "sessions:write",
            "get " + env + "/users/{userId}/sessions", "sessions:read",
            "delete " + env + "/users/{userId}/sessions/{sessionId}", "sessions:write",
            "post " + env + "/elevated-tokens", "tokens:issue",
            "post " + env + "/elevated-tokens/introspect", "tokens:introspect",
            "post " + env + "/elevated-tokens/revoke", "tokens:revoke");
    permissionOf.forEach(
        (operation, permission) -> {
          String[] verbAndPath = operation.split(" ");
          JsonNode responses = paths.get(verbAndPath[1]).get(verbAndPath[0]).get("responses");
          assertThat(responses.get("403").get("description").asString())
              .as(operation)
              .contains(permission);
          assertThat(responses.has("200") || responses.has("201") || responses.has("204"))
              .as(operation + " " + responses)
              .isTrue();
        });
  }
}
