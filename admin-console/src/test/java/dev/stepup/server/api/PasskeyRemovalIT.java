package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.webauthn.SoftwareAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A passkey made and used by an authenticator written in test code (real CBOR attestation, COSE EC2
 * key, ES256 assertions), removed with DELETE /credentials/{id}: from then on it is not offered,
 * its assertions are refused, and the same authenticator can be registered again.
 */
class PasskeyRemovalIT extends ApiTestServer {

  private SoftwareAuthenticator authenticator() {
    return new SoftwareAuthenticator("http://localhost:" + port);
  }

  private String register(SoftwareAuthenticator key, String session, String linkToken) {
    ApiClient.Answer options =
        api.post(
            ENV + "/mfa/passkeys/registration/options",
            session,
            Map.of("alias", "Software key"),
            Map.of("X-Elevated-Access-Token", linkToken));
    assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
    String credential = key.create(options.json().get("publicKey"));
    ApiClient.Answer registered =
        api.post(
            ENV + "/mfa/passkeys/registration",
            session,
            "{\"challengeId\":\""
                + options.text("challengeId")
                + "\",\"credential\":"
                + credential
                + "}");
    assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
    return registered.text("credentialId");
  }

  private JsonNode assertionOptions(String session) {
    ApiClient.Answer options = api.post(ENV + "/step-up/passkey/options", session, Map.of());
    assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
    return options.json();
  }

  private ApiClient.Answer assertWith(SoftwareAuthenticator key, String session, String scope) {
    JsonNode options = assertionOptions(session);
    return api.post(
        ENV + "/step-up/passkey/verify",
        session,
        "{\"challengeId\":\""
            + options.get("challengeId").asString()
            + "\",\"credential\":"
            + key.get(options.get("publicKey"))
            + ",\"requestedScopes\":[\""
            + scope
            + "\"]}");
  }

  private static List<String> allowed(JsonNode options) {
    List<String> ids = new ArrayList<>();
    options.get("publicKey").get("allowCredentials").forEach(c -> ids.add(c.get("id").asString()));
    return ids;
  }

  private String token(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.text("elevatedAccessToken");
  }

  @Test
  void aRemovedPasskeyStopsWorkingEverywhereAndCanBeRegisteredAgain() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    SoftwareAuthenticator laptop = authenticator();
    SoftwareAuthenticator phone = authenticator();
    String laptopId =
        register(
            laptop,
            session,
            stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken"));
    // Now an MFA user: further changes are confirmed with a passkey.
    register(phone, session, token(assertWith(laptop, session, "credential:link")));
    assertThat(allowed(assertionOptions(session)))
        .containsExactlyInAnyOrder(laptop.credentialId(), phone.credentialId());

    String unlink = token(assertWith(laptop, session, "credential:unlink"));
    ApiClient.Answer removed =
        api.delete(
            ENV + "/credentials/" + laptopId, session, Map.of("X-Elevated-Access-Token", unlink));
    assertThat(removed.status()).as(removed.raw().body()).isEqualTo(204);

    // Gone from the user, from the stored keys and from what step-up offers.
    assertThat(api.get(ENV + "/me", session).json().get("credentials").toString())
        .doesNotContain(laptopId);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM passkeys WHERE id = ?")
                .param(laptopId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(allowed(assertionOptions(session))).containsExactly(phone.credentialId());

    // Its assertion is refused: no token, so no credential:link either.
    ApiClient.Answer refused = assertWith(laptop, session, "credential:link");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.code()).isEqualTo("passkey_rejected");

    // The same authenticator can come back, and then works again.
    String again = register(laptop, session, token(assertWith(phone, session, "credential:link")));
    assertThat(again).isNotEqualTo(laptopId);
    assertThat(allowed(assertionOptions(session)))
        .containsExactlyInAnyOrder(laptop.credentialId(), phone.credentialId());
    assertThat(assertWith(laptop, session, "wallet:sign").status()).isEqualTo(200);

    assertThat(noticesTo(user.email()))
        .contains(
            "A new sign-in device was added to your account",
            "A sign-in device was removed from your account");
  }

  @Test
  void aCounterThatGoesBackTellsTheUser() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    SoftwareAuthenticator key = authenticator();
    register(
        key, session, stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken"));
    assertThat(assertWith(key, session, "wallet:sign").status()).isEqualTo(200);
    assertThat(assertWith(key, session, "wallet:sign").status()).isEqualTo(200);

    JsonNode options = assertionOptions(session);
    ApiClient.Answer cloned =
        api.post(
            ENV + "/step-up/passkey/verify",
            session,
            "{\"challengeId\":\""
                + options.get("challengeId").asString()
                + "\",\"credential\":"
                + key.get(options.get("publicKey"), 1)
                + ",\"requestedScopes\":[\"wallet:sign\"]}");

    assertThat(cloned.status()).isEqualTo(400);
    assertThat(cloned.code()).isEqualTo("passkey_counter_regressed");
    assertThat(noticesTo(user.email())).contains("A passkey on your account may have been copied");
  }
}
