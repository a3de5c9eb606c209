package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.JdkTotp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A user with an authenticator app steps up by TOTP or, without the app, by a recovery code. */
class MfaStepUpIT extends ApiTestServer {

  @Test
  void mfaUserStepsUpByTotpAndAReplayedCodeIsRefused() {
    Enrolled e = enrolTotp();

    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", e.session(), Map.of("scope", "wallet:sign"));
    assertThat(check.json().get("isRequired").asBoolean()).isTrue();
    assertThat(ReauthStepUpIT.formats(check.json())).containsExactly("totp");
    assertThat(check.text("defaultCredentialId")).isEqualTo(e.deviceId());

    ApiClient.Answer otp = api.post(ENV + "/step-up/otp/send", e.session(), Map.of());
    assertThat(otp.status()).isEqualTo(403);
    assertThat(otp.code()).isEqualTo("mfa_required");

    String code = JdkTotp.codeAt(e.secret(), CLOCK.instant());
    ApiClient.Answer token = totp(e, code);
    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
    assertThat(token.json().get("singleUse").asBoolean()).isFalse();

    ApiClient.Answer replay = totp(e, code);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.code()).isEqualTo("invalid_code");

    // One step later (the authenticator's clock a little behind) still works.
    CLOCK.advance(Duration.ofSeconds(60));
    String previousStep = JdkTotp.codeAt(e.secret(), CLOCK.instant().minusSeconds(30));
    assertThat(totp(e, previousStep).status()).isEqualTo(200);

    String wallet = e.user().credential("blockchain");
    ApiClient.Answer signed =
        api.post(
            ENV + "/wallets/" + wallet + "/sign",
            e.session(),
            Map.of("message", "hello"),
            Map.of("X-Elevated-Access-Token", token.text("elevatedAccessToken")));
    assertThat(signed.status()).isEqualTo(200);
    assertThat(signed.text("signature")).matches("0x[0-9a-f]{130}");
  }

  @Test
  void recoveryCodeWorksOnceAndRegeneratingReplacesTheSet() {
    Enrolled e = enrolTotp();
    String first = e.codes().get(0);

    ApiClient.Answer token = recovery(e, first, "wallet:export");
    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
    ApiClient.Answer again = recovery(e, first, "wallet:export");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.code()).isEqualTo("invalid_code");

    ApiClient.Answer link = recovery(e, e.codes().get(1), "credential:link");
    ApiClient.Answer fresh =
        api.post(
            ENV + "/mfa/recovery-codes",
            e.session(),
            Map.of(),
            Map.of("X-Elevated-Access-Token", link.text("elevatedAccessToken")));
    assertThat(fresh.status()).as(fresh.raw().body()).isEqualTo(200);
    JsonNode codes = fresh.json().get("recoveryCodes");
    assertThat(codes.size()).isEqualTo(10);

    assertThat(recovery(e, e.codes().get(2), "wallet:export").code()).isEqualTo("invalid_code");
    assertThat(recovery(e, codes.get(0).asString(), "wallet:export").status()).isEqualTo(200);
  }

  @Test
  void enrollingMfaRevokesTokensEarnedBefore() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String sign = stepUpByEmail(session, user, "wallet:sign").text("elevatedAccessToken");
    CLOCK.advance(Duration.ofSeconds(31));
    String link = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    ApiClient.Answer started =
        api.post(
            ENV + "/mfa/totp/devices", session, Map.of(), Map.of("X-Elevated-Access-Token", link));
    byte[] secret = Base32.decode(pad(started.text("secret")));
    assertThat(
            api.post(
                    ENV + "/mfa/totp/devices/" + started.text("deviceId") + "/confirm",
                    session,
                    Map.of("code", JdkTotp.codeAt(secret, CLOCK.instant())))
                .status())
        .isEqualTo(200);

    ApiClient.Answer signed =
        api.post(
            ENV + "/wallets/" + user.credential("blockchain") + "/sign",
            session,
            Map.of("message", "hello"),
            Map.of("X-Elevated-Access-Token", sign));
    assertThat(signed.status()).isEqualTo(401);
    assertThat(signed.code()).isEqualTo("token_revoked");
  }

  private ApiClient.Answer totp(Enrolled e, String code) {
    return api.post(
        ENV + "/step-up/totp/verify",
        e.session(),
        Map.of("code", code, "deviceId", e.deviceId(), "requestedScopes", List.of("wallet:sign")));
  }

  private ApiClient.Answer recovery(Enrolled e, String code, String scope) {
    return api.post(
        ENV + "/step-up/recovery-code/verify",
        e.session(),
        Map.of("code", code, "requestedScopes", List.of(scope)));
  }
}
