package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code check} answers for what the client holds: the token it presents in {@code
 * X-Elevated-Access-Token}, if live, unspent and of this session, covers its scopes; a token the
 * server issued that the client does not present, or one of another session, user or environment,
 * never makes step-up "not required".
 */
class CheckPresentedTokenIT extends ApiTestServer {

  private static final String SCOPE = "credential:link";

  @Autowired CreateEnvironmentUseCase createEnvironment;
  @Autowired FindEnvironmentsUseCase environments;
  @Autowired CreateApiKeyUseCase createApiKey;

  private record Started(String token, String id) {}

  private Started start(String env, String key, TestUser user) {
    ApiClient.Answer started =
        api.post(
            env + "/users/" + user.id() + "/sessions",
            key,
            Map.of("signInCredentialId", user.credential("email")));
    assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
    return new Started(started.text("sessionToken"), started.text("sessionId"));
  }

  /** A token the host backend issues for the user's session, as the server hands it out. */
  private String issued(String env, String key, TestUser user, Started session, String... scopes) {
    ApiClient.Answer issued =
        api.post(
            env + "/elevated-tokens",
            key,
            Map.of("userId", user.id(), "sessionId", session.id(), "scopes", List.of(scopes)));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.text("elevatedAccessToken");
  }

  private ApiClient.Answer check(Started session, String scope, String presented) {
    return api.post(
        ENV + "/step-up/check",
        session.token(),
        Map.of("scope", scope),
        presented == null ? Map.of() : Map.of("X-Elevated-Access-Token", presented));
  }

  @Test
  void onlyThePresentedTokenMakesStepUpNotRequired() {
    TestUser user = newUser();
    Started session = start(ENV, API_KEY, user);
    String token = issued(ENV, API_KEY, user, session, SCOPE);

    ApiClient.Answer withoutToken = check(session, SCOPE, null);
    assertThat(withoutToken.json().get("isRequired").asBoolean()).isTrue();
    assertThat(withoutToken.text("reason")).isEqualTo("step_up_required");
    assertThat(withoutToken.json().get("credentials")).isNotEmpty();

    ApiClient.Answer withToken = check(session, SCOPE, token);
    assertThat(withToken.status()).isEqualTo(200);
    assertThat(withToken.json().get("isRequired").asBoolean()).isFalse();
    assertThat(withToken.text("reason")).isEqualTo("presented_token");

    // The token covers its own scopes only; checking does not spend it.
    assertThat(check(session, "wallet:export", token).json().get("isRequired").asBoolean())
        .isTrue();
    assertThat(check(session, SCOPE, token).json().get("isRequired").asBoolean()).isFalse();
  }

  @Test
  void aSpentTokenNoLongerCounts() {
    TestUser user = newUser();
    Started session = start(ENV, API_KEY, user);
    String token = issued(ENV, API_KEY, user, session, SCOPE);
    ApiClient.Answer consumed =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token, "scope", SCOPE, "consume", true));
    assertThat(consumed.json().get("active").asBoolean()).isTrue();

    assertThat(check(session, SCOPE, token).json().get("isRequired").asBoolean()).isTrue();
  }

  @Test
  void aTokenOfAnotherSessionUserOrEnvironmentDoesNotCount() {
    TestUser ann = newUser();
    Started annsSession = start(ENV, API_KEY, ann);
    Started annsOtherSession = start(ENV, API_KEY, ann);
    TestUser bob = newUser();
    Started bobsSession = start(ENV, API_KEY, bob);

    String otherSessions = issued(ENV, API_KEY, ann, annsOtherSession, SCOPE);
    String bobs = issued(ENV, API_KEY, bob, bobsSession, SCOPE);
    String foreign = tokenOfAnotherEnvironment();

    for (String presented : List.of(otherSessions, bobs, foreign, "not-a-token")) {
      ApiClient.Answer check = check(annsSession, SCOPE, presented);
      assertThat(check.status()).isEqualTo(200);
      assertThat(check.json().get("isRequired").asBoolean()).isTrue();
    }
    // Each is good where it belongs.
    assertThat(check(annsOtherSession, SCOPE, otherSessions).json().get("isRequired").asBoolean())
        .isFalse();
  }

  /** A live token of a user and session of another environment, issued there. */
  private String tokenOfAnotherEnvironment() {
    EnvironmentId id = new EnvironmentId("cors-other");
    if (environments.find(id).isEmpty()) {
      createEnvironment.create(
          new CreateEnvironmentUseCase.Command(id, "Other", "it", RequestOrigin.internal()));
    }
    String key =
        createApiKey
            .createApiKey(
                new CreateApiKeyUseCase.Command(
                    id, "it", ApiPermission.ALL, Optional.empty(), "it", RequestOrigin.internal()))
            .secret();
    String env = "/api/v1/environments/" + id.value();
    String email = "o" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    ApiClient.Answer created = api.post(env + "/users", key, Map.of("email", email));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    TestUser user = new TestUser(created.text("id"), created.json(), email);
    Started session = start(env, key, user);
    return issued(env, key, user, session, SCOPE);
  }
}
