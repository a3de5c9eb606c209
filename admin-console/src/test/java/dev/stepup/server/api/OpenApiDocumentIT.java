package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.adapter.in.web.api.error.WebProblem;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.scope.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is complete enough to generate a client from: readable unique operation ids,
 * every error as a problem with the server's full list of codes, the elevated-token header and the
 * step-up challenge of protected actions. Its copy in {@code docs/openapi.json}, from which the
 * build generates and compiles a Java client, is the server's document.
 */
class OpenApiDocumentIT extends ApiTestServer {

  private static final String PATHS = "/api/v1/environments/{environmentId}";
  private static final Path SAVED = Path.of("..", "docs", "openapi.json");

  private JsonNode document() {
    ApiClient.Answer doc = api.get("/v3/api-docs", null);
    assertThat(doc.status()).isEqualTo(200);
    return doc.json();
  }

  private static List<JsonNode> operations(JsonNode document) {
    List<JsonNode> operations = new ArrayList<>();
    document.get("paths").forEach(path -> path.forEach(operations::add));
    return operations;
  }

  @Test
  void everyOperationHasAUniqueReadableOperationId() {
    List<String> ids =
        operations(document()).stream().map(op -> op.path("operationId").asString("")).toList();
    assertThat(ids).hasSizeGreaterThan(30).doesNotHaveDuplicates();
    // Two words at least, camelCase, none of springdoc's "_1" suffixes for a collision.
    assertThat(ids).allMatch(id -> id.matches("[a-z]+[A-Z][A-Za-z]*"), "readable operationIds");
  }

  @Test
  void theProblemSchemaListsExactlyTheCodesTheServerAnswers() {
    Set<String> answered = new TreeSet<>();
    Arrays.stream(Refusal.values()).map(Refusal::code).forEach(answered::add);
    Arrays.stream(WebProblem.values()).map(WebProblem::code).forEach(answered::add);

    JsonNode problem = document().get("components").get("schemas").get("Problem");
    Set<String> documented = new TreeSet<>();
    problem.get("properties").get("code").get("enum").forEach(c -> documented.add(c.asString()));
    assertThat(documented).isEqualTo(answered);
  }

  @Test
  void everyErrorAnswerIsAProblemAndEveryEnvironmentOperationDocumentsItsErrors() {
    JsonNode paths = document().get("paths");
    paths
        .properties()
        .forEach(
            path -> {
              if (!path.getKey().startsWith(PATHS)) {
                return;
              }
              path.getValue()
                  .properties()
                  .forEach(
                      op -> {
                        JsonNode responses = op.getValue().get("responses");
                        String name = op.getKey() + " " + path.getKey();
                        assertThat(responses.has("400") && responses.has("401")).as(name).isTrue();
                        assertThat(responses.has("404") && responses.has("500")).as(name).isTrue();
                        responses
                            .properties()
                            .forEach(
                                r -> {
                                  if (r.getKey().matches("[45]..|default")) {
                                    assertThat(
                                            r.getValue()
                                                .at(
                                                    "/content/application~1problem+json/schema/$ref")
                                                .asString(""))
                                        .as(name + " " + r.getKey())
                                        .isEqualTo("#/components/schemas/Problem");
                                  }
                                });
                      });
            });
    JsonNode issue = paths.get(PATHS + "/elevated-tokens").get("post").get("responses");
    assertThat(issue.get("403").get("description").asString()).contains("tokens:issue");
  }

  @Test
  void protectedActionsTakeTheElevatedTokenHeaderAndDocumentTheStepUpChallenge() {
    JsonNode paths = document().get("paths");
    List<String> protectedActions =
        List.of(
            "post /wallets/{walletId}/export",
            "post /wallets/{walletId}/sign",
            "post /wallets/{walletId}/refresh",
            "post /wallets/{walletId}/reshare",
            "post /credentials",
            "delete /credentials/{credentialId}",
            "post /mfa/totp/devices",
            "post /mfa/recovery-codes",
            "post /mfa/default",
            "post /mfa/passkeys/registration/options");
    for (String action : protectedActions) {
      String[] verbAndPath = action.split(" ");
      JsonNode operation = paths.get(PATHS + verbAndPath[1]).get(verbAndPath[0]);
      List<String> headers = new ArrayList<>();
      operation
          .path("parameters")
          .forEach(
              p -> {
                if (p.get("in").asString().equals("header")) {
                  headers.add(p.get("name").asString());
                }
              });
      assertThat(headers)
          .as(action)
          .containsExactly("X-Elevated-Access-Token", "Stepup-Api-Version");
      JsonNode unauthorized = operation.get("responses").get("401");
      assertThat(unauthorized.get("description").asString())
          .as(action)
          .contains("step_up_required", "token_consumed");
      assertThat(unauthorized.at("/headers/WWW-Authenticate/description").asString())
          .as(action)
          .contains("insufficient_user_authentication");
    }
    // check reads the header to weigh the token, and never challenges.
    JsonNode check = paths.get(PATHS + "/step-up/check").get("post");
    assertThat(check.path("parameters").toString()).contains("X-Elevated-Access-Token");
    assertThat(check.at("/responses/401/description").asString())
        .doesNotContain("step_up_required");
    assertThat(check.at("/responses/401/headers/WWW-Authenticate/description").asString())
        .doesNotContain("insufficient_user_authentication");
    // Nothing else takes it: the header is documented where the server reads it.
    long withHeader =
        operations(document()).stream()
            .filter(op -> op.path("parameters").toString().contains("X-Elevated-Access-Token"))
            .count();
    // (check and the legacy "is MFA required for this action?" weigh it; neither challenges)
    assertThat(
            paths.get(PATHS + "/mfa/required-for-action").get("post").path("parameters").toString())
        .contains("X-Elevated-Access-Token");
    assertThat(withHeader).isEqualTo(protectedActions.size() + 2);

    // And the challenge is what the server answers.
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    ApiClient.Answer refused =
        api.post(ENV + "/wallets/" + user.credential("blockchain") + "/export", session, Map.of());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("step_up_required");
    assertThat(refused.header("WWW-Authenticate"))
        .startsWith("Bearer error=\"insufficient_user_authentication\"")
        .contains("scope=\"wallet:export\"");
  }

  @Test
  void scopesArePatternedAndFormatsAndMethodsAreEnums() {
    JsonNode schemas = document().get("components").get("schemas");
    // Admins add their own scopes: the schema is the name's pattern, listing the built-ins.
    JsonNode scope = schemas.get("Scope");
    assertThat(scope.has("enum")).isFalse();
    assertThat(scope.get("pattern").asString()).isEqualTo(Scope.WIRE_PATTERN);
    assertThat(scope.get("description").asString())
        .contains(Scope.builtIns().stream().map(s -> "`" + s.wire() + "`").toList())
        .contains("unknown_scope");
    assertThat(values(schemas.get("CredentialFormat")))
        .containsExactlyElementsOf(
            Arrays.stream(CredentialFormat.values()).map(CredentialFormat::wire).toList());
    assertThat(values(schemas.get("AuthenticationMethod"))).contains("otp", "hwk", "swk");
    Set<String> scopeRefs = new HashSet<>();
    schemas
        .properties()
        .forEach(
            s ->
                s.getValue()
                    .path("properties")
                    .properties()
                    .forEach(
                        p -> {
                          if (p.getKey().equals("requestedScopes") || p.getKey().equals("scopes")) {
                            scopeRefs.add(p.getValue().at("/items/$ref").asString(""));
                          }
                        }));
    assertThat(scopeRefs).containsExactly("#/components/schemas/Scope");
  }

  /**
   * The saved copy the build generates a client from is the server's document. When it is not, the
   * copy is rewritten (commit it) and the test fails.
   */
  @Test
  void theSavedDocumentIsTheServersDocument() throws IOException {
    String current = canonical(document());
    String saved = Files.exists(SAVED) ? Files.readString(SAVED, StandardCharsets.UTF_8) : "";
    if (!saved.equals(current)) {
      Files.writeString(SAVED, current, StandardCharsets.UTF_8);
    }
    assertThat(saved)
        .as("docs/openapi.json was stale and is rewritten: commit it")
        .isEqualTo(current);
  }

  /** Sorted keys, no server URL (its port changes every run), a final newline. */
  private static String canonical(JsonNode document) {
    JsonMapper sorted =
        JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    @SuppressWarnings("unchecked")
    Map<String, Object> map = sorted.treeToValue(document, Map.class);
    map.remove("servers");
    return sorted.writeValueAsString(map) + "\n";
  }

  private static List<String> values(JsonNode enumSchema) {
    List<String> values = new ArrayList<>();
    enumSchema.get("enum").forEach(v -> values.add(v.asString()));
    return values;
  }
}
