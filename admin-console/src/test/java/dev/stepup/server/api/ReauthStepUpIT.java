package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A user without MFA steps up by a code sent to their email or phone. */
public class ReauthStepUpIT extends ApiTestServer {

  @Test
  void exportNeedsStepUpAndAnEmailedCodeUnlocksItOnce() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String wallet = user.credential("blockchain");

    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:export"));
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.json().get("isRequired").asBoolean()).isTrue();
    assertThat(formats(check.json())).containsExactly("email");
    assertThat(check.text("defaultCredentialId")).isEqualTo(user.credential("email"));

    ApiClient.Answer refused = api.post(ENV + "/wallets/" + wallet + "/export", session, Map.of());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("step_up_required");
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.header("WWW-Authenticate"))
        .isEqualTo(
            "Bearer error=\"insufficient_user_authentication\", error_description=\"This action"
                + " needs step-up verification for wallet:export.\", scope=\"wallet:export\","
                + " acr_values=\"urn:stepup:acr:reauth\"");

    ApiClient.Answer sent = api.post(ENV + "/step-up/otp/send", session, Map.of());
    assertThat(sent.text("verificationType")).isEqualTo("email");
    assertThat(sent.text("credentialId")).isEqualTo(user.credential("email"));
    String code = mailedCode(user.email());

    ApiClient.Answer token =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", code, "requestedScopes", List.of("wallet:export")));
    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
    assertThat(token.json().get("singleUse").asBoolean()).isTrue();
    assertThat(token.json().get("scopes").toString()).isEqualTo("[\"wallet:export\"]");
    String elevated = token.text("elevatedAccessToken");

    ApiClient.Answer exported =
        api.post(
            ENV + "/wallets/" + wallet + "/export",
            session,
            Map.of(),
            Map.of("X-Elevated-Access-Token", elevated));
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.text("privateKey")).matches("0x[0-9a-f]{64}");
    assertThat(exported.header("Cache-Control")).contains("no-store");

    ApiClient.Answer again =
        api.post(
            ENV + "/wallets/" + wallet + "/export",
            session,
            Map.of(),
            Map.of("X-Elevated-Access-Token", elevated));
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.code()).isEqualTo("token_consumed");

    ApiClient.Answer reused =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", code, "requestedScopes", List.of("wallet:export")));
    // Answered as a wrong code: "already used" would tell an attacker the code was right.
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.code()).isEqualTo("invalid_code");
    assertThat(reused.text("detail")).doesNotContain("used");

    List<String> audit =
        jdbc.sql(
                "SELECT type || ' ' || outcome FROM audit_trail WHERE user_id = ? ORDER BY pending NULLS FIRST, id")
            .param(user.id())
            .query(String.class)
            .list();
    assertThat(String.join("\n", audit)).doesNotContain(code).doesNotContain(elevated);
    assertThat(auditRowsMentioning(code)).isZero();
    assertThat(auditRowsMentioning(elevated.substring(elevated.lastIndexOf('.') + 1))).isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_trail WHERE user_id = ?")
                .param(user.id())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void smsCodeGoesThroughTheGatewayAndUnlocksTheScope() {
    TestUser user = newUser(Map.of("phoneNumber", "+14155550123", "embeddedWallet", true));
    String session = signIn(user, user.credential("phoneNumber"));

    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:reshare"));
    assertThat(check.text("defaultCredentialId")).isEqualTo(user.credential("phoneNumber"));

    int before = SMS_TEXTS.size();
    ApiClient.Answer sent = api.post(ENV + "/step-up/otp/send", session, Map.of());
    assertThat(sent.status()).as(sent.raw().body()).isEqualTo(200);
    assertThat(sent.text("verificationType")).isEqualTo("sms");
    awaitDeliveries();
    assertThat(SMS_TEXTS).hasSize(before + 1);
    String posted = SMS_TEXTS.get(before);
    assertThat(posted).contains("\"to\":\"+14155550123\"");

    ApiClient.Answer token =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of(
                "verificationToken",
                sixDigits(posted),
                "requestedScopes",
                List.of("wallet:reshare")));
    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);

    ApiClient.Answer reshared =
        api.post(
            ENV + "/wallets/" + user.credential("blockchain") + "/reshare",
            session,
            Map.of(),
            Map.of("X-Elevated-Access-Token", token.text("elevatedAccessToken")));
    assertThat(reshared.status()).isEqualTo(200);
    assertThat(reshared.text("address")).startsWith("0x");
  }

  @Test
  void wrongCodesLockTheMethodWithRetryAfter() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    api.post(ENV + "/step-up/otp/send", session, Map.of());
    String code = mailedCode(user.email());
    String wrong = code.equals("000000") ? "111111" : "000000";

    ApiClient.Answer first = verify(session, wrong);
    assertThat(first.status()).isEqualTo(400);
    assertThat(first.code()).isEqualTo("invalid_code");

    ApiClient.Answer last = first;
    for (int i = 0; i < 10 && last.status() != 429; i++) {
      last = verify(session, wrong);
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.code()).isEqualTo("too_many_attempts");
    assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();

    // Locked: even the right code is refused until the lock ends.
    ApiClient.Answer locked = verify(session, code);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_trail WHERE user_id = ? AND type = 'lockout'")
                .param(user.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // The user hears of it by email, through the same delivery as codes.
    assertThat(noticesTo(user.email()))
        .containsExactly("Too many failed attempts to confirm an action on your account");

    CLOCK.advance(Duration.ofMinutes(16));
    ApiClient.Answer resend = api.post(ENV + "/step-up/otp/send", session, Map.of());
    assertThat(resend.status()).as(resend.raw().body()).isEqualTo(200);
    assertThat(verify(session, mailedCode(user.email())).status()).isEqualTo(200);
  }

  @Test
  void resendIsThrottledAndAnExpiredCodeIsRefused() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    assertThat(api.post(ENV + "/step-up/otp/send", session, Map.of()).status()).isEqualTo(200);

    ApiClient.Answer tooSoon = api.post(ENV + "/step-up/otp/send", session, Map.of());
    assertThat(tooSoon.status()).isEqualTo(429);
    assertThat(tooSoon.code()).isEqualTo("too_many_attempts");
    assertThat(tooSoon.header("Retry-After")).isNotNull();
    assertThat(codesMailedTo(user.email())).isEqualTo(1);

    String code = mailedCode(user.email());
    CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
    ApiClient.Answer expired = verify(session, code);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.code()).isEqualTo("code_expired");
  }

  private ApiClient.Answer verify(String session, String code) {
    return api.post(
        ENV + "/step-up/otp/verify",
        session,
        Map.of("verificationToken", code, "requestedScopes", List.of("wallet:export")));
  }

  private long auditRowsMentioning(String secret) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_trail WHERE CONCAT_WS('|', reason, actor, scopes,"
                + " method, user_agent) LIKE ?")
        .param("%" + secret + "%")
        .query(Long.class)
        .single();
  }

  public static List<String> formats(JsonNode check) {
    return check.get("credentials").valueStream().map(c -> c.get("format").asString()).toList();
  }
}
