package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Linking and unlinking credentials are protected actions, and both are audited. */
class CredentialsIT extends ApiTestServer {

  @Test
  void linkAndUnlinkNeedTheirOwnScopes() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    assertThat(
            api.post(ENV + "/step-up/check", session, Map.of("scope", "credential:link"))
                .json()
                .get("isRequired")
                .asBoolean())
        .isTrue();
    ApiClient.Answer unprotected =
        api.post(
            ENV + "/credentials",
            session,
            Map.of("format", "phoneNumber", "value", "+4915112345678"));
    assertThat(unprotected.status()).isEqualTo(401);
    assertThat(unprotected.code()).isEqualTo("step_up_required");
    assertThat(unprotected.header("WWW-Authenticate")).contains("scope=\"credential:link\"");

    String link = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    ApiClient.Answer pending =
        api.post(
            ENV + "/credentials",
            session,
            Map.of("format", "phoneNumber", "value", "+4915112345678"),
            Map.of("X-Elevated-Access-Token", link));
    assertThat(pending.status()).as(pending.raw().body()).isEqualTo(202);
    ApiClient.Answer linked =
        api.post(
            ENV + "/credentials/pending/" + pending.text("pendingId") + "/confirm",
            session,
            Map.of("code", textedCode("+4915112345678")));
    assertThat(linked.status()).as(linked.raw().body()).isEqualTo(201);
    assertThat(linked.text("format")).isEqualTo("phoneNumber");
    String phone = linked.text("id");

    CLOCK.advance(Duration.ofSeconds(31));
    String keep = stepUpByEmail(session, user, "wallet:sign").text("elevatedAccessToken");
    ApiClient.Answer wrongScope =
        api.delete(ENV + "/credentials/" + phone, session, Map.of("X-Elevated-Access-Token", keep));
    assertThat(wrongScope.status()).isEqualTo(401);
    assertThat(wrongScope.header("WWW-Authenticate")).contains("scope=\"credential:unlink\"");

    CLOCK.advance(Duration.ofSeconds(31));
    String unlink = stepUpByEmail(session, user, "credential:unlink").text("elevatedAccessToken");
    ApiClient.Answer removed =
        api.delete(
            ENV + "/credentials/" + phone, session, Map.of("X-Elevated-Access-Token", unlink));
    assertThat(removed.status()).as(removed.raw().body()).isEqualTo(204);

    ApiClient.Answer me = api.get(ENV + "/me", session);
    assertThat(me.json().get("credentials").toString()).doesNotContain(phone);
    // Unlinking revokes what was earned before it.
    ApiClient.Answer signed =
        api.post(
            ENV + "/wallets/" + user.credential("blockchain") + "/sign",
            session,
            Map.of("message", "m"),
            Map.of("X-Elevated-Access-Token", keep));
    assertThat(signed.code()).isEqualTo("token_revoked");

    List<String> events =
        jdbc.sql(
                "SELECT type || ':' || outcome || ':' || client_ip || ':' || user_agent"
                    + " FROM audit_trail WHERE user_id = ? ORDER BY pending NULLS FIRST, id")
            .param(user.id())
            .query(String.class)
            .list();
    assertThat(events)
        .contains(
            "credential_linked:success:127.0.0.1:stepup-it",
            "credential_unlinked:success:127.0.0.1:stepup-it")
        .anySatisfy(e -> assertThat(e).startsWith("step_up_check:"))
        .anySatisfy(e -> assertThat(e).startsWith("otp_sent:success"))
        .anySatisfy(e -> assertThat(e).startsWith("verification:success"))
        .anySatisfy(e -> assertThat(e).startsWith("token_issued:success"))
        .anySatisfy(e -> assertThat(e).startsWith("token_refused:failure"));
    assertThat(noticesTo(user.email()))
        .contains(
            "A new way to sign in was linked to your account",
            "A way to sign in was removed from your account");
  }

  /** The latest code texted to this number, read from the SMS gateway stub. */
  static String textedCode(String number) {
    awaitDeliveries(); // texts go out after commit, through the delivery queue
    String latest = null;
    for (String text : SMS_TEXTS) {
      if (text.contains(number) && text.contains("add this number")) {
        latest = text;
      }
    }
    assertThat(latest).as("a text to " + number).isNotNull();
    return sixDigits(latest);
  }

  private String linkToken(String session, TestUser user) {
    return stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
  }

  @Test
  void anAddressClaimedButNotProvedIsNotLinkedAndItsOwnerCanStillSignUp() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String victim = "owner" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

    ApiClient.Answer pending =
        api.post(
            ENV + "/credentials",
            session,
            Map.of("format", "email", "value", victim),
            Map.of("X-Elevated-Access-Token", linkToken(session, user)));
    assertThat(pending.status()).as(pending.raw().body()).isEqualTo(202);
    assertThat(pending.text("sentTo")).endsWith("@example.test").doesNotContain("owner");

    // A wrong code links nothing and says why, as problem+json.
    String code = mailedCode(victim);
    ApiClient.Answer wrong =
        api.post(
            ENV + "/credentials/pending/" + pending.text("pendingId") + "/confirm",
            session,
            Map.of("code", other(code)));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.code()).isEqualTo("invalid_code");
    assertThat(api.get(ENV + "/me", session).json().get("credentials").toString())
        .doesNotContain(victim.substring(1, 6));

    // The real owner signs up with the address: it is theirs.
    ApiClient.Answer owner = api.post(ENV + "/users", API_KEY, Map.of("email", victim));
    assertThat(owner.status()).as(owner.raw().body()).isEqualTo(201);

    // The claimer's right code now links nothing either.
    ApiClient.Answer late =
        api.post(
            ENV + "/credentials/pending/" + pending.text("pendingId") + "/confirm",
            session,
            Map.of("code", code));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.code()).isEqualTo("credential_in_use");
  }

  @Test
  void choosingTheDefaultMfaDeviceNeedsACredentialLinkToken() {
    Enrolled first = enrolTotp();
    String session = first.session();
    ApiClient.Answer unprotected =
        api.post(ENV + "/mfa/default", session, Map.of("credentialId", first.deviceId()));
    assertThat(unprotected.status()).isEqualTo(401);
    assertThat(unprotected.code()).isEqualTo("step_up_required");
    assertThat(unprotected.header("WWW-Authenticate")).contains("scope=\"credential:link\"");

    ApiClient.Answer token =
        api.post(
            ENV + "/step-up/totp/verify",
            session,
            Map.of(
                "code",
                dev.stepup.application.fakes.JdkTotp.codeAt(first.secret(), CLOCK.instant()),
                "deviceId",
                first.deviceId(),
                "requestedScopes",
                List.of("credential:link")));
    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
    ApiClient.Answer chosen =
        api.post(
            ENV + "/mfa/default",
            session,
            Map.of("credentialId", first.deviceId()),
            Map.of("X-Elevated-Access-Token", token.text("elevatedAccessToken")));
    assertThat(chosen.status()).as(chosen.raw().body()).isEqualTo(204);
    assertThat(noticesTo(first.user().email()))
        .contains(
            "A new sign-in device was added to your account",
            "Your default sign-in device changed");
  }
}
