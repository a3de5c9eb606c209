package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.mfa.ResetMfaUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Sessions over HTTP: the idle timeout, a host backend listing and ending a user's sessions, and
 * the sessions an MFA reset or a removed sign-in credential ends.
 */
class SessionsIT extends ApiTestServer {

  @Autowired ResetMfaUseCase resetMfa;

  private List<String> listed(TestUser user) {
    ApiClient.Answer answer = api.get(ENV + "/users/" + user.id() + "/sessions", API_KEY);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode s : answer.json()) {
      ids.add(s.get("sessionId").asString());
    }
    return ids;
  }

  private int me(String session) {
    return api.get(ENV + "/me", session).status();
  }

  // ---- idle timeout ----------------------------------------------------------------------------

  @Test
  void aSessionLeftIdleForThirtyOneMinutesIsRefused() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    assertThat(me(session)).isEqualTo(200);

    CLOCK.advance(Duration.ofMinutes(31));

    ApiClient.Answer idle = api.get(ENV + "/me", session);
    assertThat(idle.status()).isEqualTo(401);
    assertThat(api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:export")).status())
        .isEqualTo(401);
  }

  @Test
  void aSessionUsedEveryTwentyMinutesStaysSignedIn() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    for (int i = 0; i < 5; i++) {
      CLOCK.advance(Duration.ofMinutes(20));
      assertThat(me(session)).as("after %d minutes", 20 * (i + 1)).isEqualTo(200);
    }
    String token = stepUpByEmail(session, user, "wallet:sign").text("elevatedAccessToken");
    assertThat(
            api.post(
                    ENV + "/wallets/" + user.credential("blockchain") + "/sign",
                    session,
                    Map.of("message", "hello"),
                    Map.of("X-Elevated-Access-Token", token))
                .status())
        .isEqualTo(200);
  }

  // ---- host backend ----------------------------------------------------------------------------

  @Test
  void theHostBackendListsAndEndsAUsersSessionAndItsTokensStopWorking() {
    TestUser user = newUser();
    String kept = signIn(user, user.credential("email"));
    String keptId = listed(user).get(0);
    CLOCK.advance(Duration.ofSeconds(1));
    String ended = signIn(user, user.credential("email"));
    String endedId = listed(user).get(0);
    assertThat(endedId).isNotEqualTo(keptId);
    String token = stepUpByEmail(ended, user, "wallet:sign").text("elevatedAccessToken");

    ApiClient.Answer list = api.get(ENV + "/users/" + user.id() + "/sessions", API_KEY);
    assertThat(list.status()).isEqualTo(200);
    assertThat(listed(user)).containsExactly(endedId, keptId);
    JsonNode newest = list.json().get(0);
    assertThat(newest.get("signInCredentialId").asString()).isEqualTo(user.credential("email"));
    assertThat(newest.has("lastSeenAt")).isTrue();
    assertThat(newest.has("activeUntil")).isTrue();
    assertThat(newest.has("expiresAt")).isTrue();
    assertThat(list.raw().body()).doesNotContain("st_");

    ApiClient.Answer end =
        api.delete(ENV + "/users/" + user.id() + "/sessions/" + endedId, API_KEY, Map.of());
    assertThat(end.status()).isEqualTo(204);

    assertThat(me(ended)).isEqualTo(401);
    assertThat(me(kept)).isEqualTo(200);
    assertThat(listed(user)).containsExactly(keptId);
    ApiClient.Answer refused =
        api.post(
            ENV + "/wallets/" + user.credential("blockchain") + "/sign",
            kept,
            Map.of("message", "hello"),
            Map.of("X-Elevated-Access-Token", token));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(
            api.post(ENV + "/elevated-tokens/introspect", API_KEY, Map.of("token", token))
                .raw()
                .body())
        .isEqualTo("{\"active\":false}");
    assertThat(
            api.delete(ENV + "/users/" + user.id() + "/sessions/" + endedId, API_KEY, Map.of())
                .status())
        .isEqualTo(204);
  }

  @Test
  void anotherUsersOrAnotherEnvironmentsSessionIsNotFound() {
    TestUser ann = newUser();
    TestUser bob = newUser();
    String bobs = signIn(bob, bob.credential("email"));
    String bobsId = listed(bob).get(0);

    ApiClient.Answer throughAnn =
        api.delete(ENV + "/users/" + ann.id() + "/sessions/" + bobsId, API_KEY, Map.of());
    assertThat(throughAnn.status()).isEqualTo(404);
    assertThat(throughAnn.code()).isEqualTo("not_found");
    ApiClient.Answer unknown =
        api.delete(ENV + "/users/" + ann.id() + "/sessions/ses_nope", API_KEY, Map.of());
    assertThat(unknown.status()).isEqualTo(404);
    ApiClient.Answer otherEnvironment =
        api.delete(
            "/api/v1/environments/production/users/" + bob.id() + "/sessions/" + bobsId,
            API_KEY,
            Map.of());
    assertThat(otherEnvironment.status()).isIn(401, 404);
    assertThat(api.get(ENV + "/users/usr_nope/sessions", API_KEY).status()).isEqualTo(404);
    assertThat(api.get(ENV + "/users/" + ann.id() + "/sessions", bobs).status()).isEqualTo(401);
    assertThat(
            api.delete(ENV + "/users/" + bob.id() + "/sessions/" + bobsId, bobs, Map.of()).status())
        .isEqualTo(401);

    assertThat(me(bobs)).isEqualTo(200);
  }

  // ---- MFA reset, removed credential -----------------------------------------------------------

  @Test
  void anAdminsMfaResetEndsTheUsersSessions() {
    Enrolled mfa = enrolTotp();
    String other = signIn(mfa.user(), mfa.user().credential("email"));

    resetMfa.reset(
        new ResetMfaUseCase.Command(
            new EnvironmentId("demo"),
            new UserId(mfa.user().id()),
            "admin",
            new RequestOrigin("127.0.0.1", "SessionsIT")));

    assertThat(me(mfa.session())).isEqualTo(401);
    assertThat(me(other)).isEqualTo(401);
    assertThat(listed(mfa.user())).isEmpty();
  }

  @Test
  void removingTheCredentialASessionSignedInWithEndsThatSession() {
    String phone = "+1415" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    TestUser user = newUser(Map.of("phoneNumber", phone, "embeddedWallet", true));
    String byPhone = signIn(user, user.credential("phoneNumber"));
    String byEmail = signIn(user, user.credential("email"));
    String unlink = stepUpByEmail(byEmail, user, "credential:unlink").text("elevatedAccessToken");

    ApiClient.Answer removed =
        api.delete(
            ENV + "/credentials/" + user.credential("phoneNumber"),
            byEmail,
            Map.of("X-Elevated-Access-Token", unlink));
    assertThat(removed.status()).as(removed.raw().body()).isIn(200, 204);

    assertThat(me(byPhone)).isEqualTo(401);
    assertThat(me(byEmail)).isEqualTo(200);
  }
}
