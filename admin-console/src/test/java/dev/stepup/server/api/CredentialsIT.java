package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    ApiClient.Answer linked =
        api.post(
            ENV + "/credentials",
            session,
            Map.of("format", "phoneNumber", "value", "+4915112345678"),
            Map.of("X-Elevated-Access-Token", link));
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
                    + " FROM audit_events WHERE user_id = ? ORDER BY id")
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
  }
}
