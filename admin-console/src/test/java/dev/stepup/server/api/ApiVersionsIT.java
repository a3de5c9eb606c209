package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.admin.AddAdminUseCase;
import dev.stepup.application.port.in.admin.AddAdminUseCase.AddAdminCommand;
import dev.stepup.application.port.in.admin.AdminChange;
import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase;
import dev.stepup.application.port.in.version.SetMinimumApiVersionUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.server.ConsoleHttp;
import dev.stepup.server.webauthn.SoftwareAuthenticator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * API versions over real HTTP: action-based MFA (the legacy check and the legacy MFA token) works
 * until the environment's minimum API version is 2026_04_01, then is refused with {@code
 * legacy_api_retired}; requests naming the new version work either way; the console sets the
 * minimum and shows the legacy use.
 */
class ApiVersionsIT extends ApiTestServer {

  private static final Map<String, String> NEW_VERSION = Map.of("Stepup-Api-Version", "2026_04_01");
  private static final EnvironmentId DEMO = new EnvironmentId("demo");

  @Autowired SetMinimumApiVersionUseCase minimum;
  @Autowired PurgeExpiredDataUseCase purge;
  @Autowired AddAdminUseCase admins;

  @AfterEach
  void backToLegacy() {
    setMinimum(ApiVersion.LEGACY);
  }

  private void setMinimum(ApiVersion version) {
    minimum.setMinimum(
        new SetMinimumApiVersionUseCase.Command(DEMO, version, "test", RequestOrigin.internal()));
  }

  private ApiClient.Answer legacyCheck(String session, Map<String, String> headers) {
    return api.post(
        ENV + "/mfa/required-for-action",
        session,
        Map.of("mfaAction", "WalletWaasExport"),
        headers);
  }

  private ApiClient.Answer legacyTotp(Enrolled e, boolean singleUse) {
    CLOCK.advance(Duration.ofSeconds(30));
    return api.post(
        ENV + "/step-up/totp/verify",
        e.session(),
        Map.of(
            "code",
            JdkTotp.codeAt(e.secret(), CLOCK.instant()),
            "createMfaToken",
            Map.of("singleUse", singleUse)));
  }

  private ApiClient.Answer scopedTotp(Enrolled e, String scope) {
    CLOCK.advance(Duration.ofSeconds(30));
    return api.post(
        ENV + "/step-up/totp/verify",
        e.session(),
        Map.of(
            "code", JdkTotp.codeAt(e.secret(), CLOCK.instant()), "requestedScopes", List.of(scope)),
        NEW_VERSION);
  }

  private ApiClient.Answer export(Enrolled e, String session, String token) {
    return api.post(
        ENV + "/wallets/" + e.user().credential("blockchain") + "/export",
        session,
        Map.of(),
        Map.of("X-Elevated-Access-Token", token));
  }

  @Test
  void legacyCallsWorkUntilTheSwitchThenAreRefusedNamingTheMigration() {
    Enrolled e = enrolTotp();

    ApiClient.Answer check = legacyCheck(e.session(), Map.of());
    assertThat(check.status()).as(check.raw().body()).isEqualTo(200);
    assertThat(check.json().get("isRequired").asBoolean()).isTrue();

    ApiClient.Answer legacy = legacyTotp(e, false);
    assertThat(legacy.status()).as(legacy.raw().body()).isEqualTo(200);
    assertThat(legacy.text("tokenId")).startsWith("mfa_");
    String legacyToken = legacy.text("elevatedAccessToken");
    ApiClient.Answer exported = export(e, e.session(), legacyToken);
    assertThat(exported.status()).as(exported.raw().body()).isEqualTo(200);

    ApiClient.Answer scoped = scopedTotp(e, "wallet:export");
    assertThat(scoped.status()).as(scoped.raw().body()).isEqualTo(200);
    assertThat(export(e, e.session(), scoped.text("elevatedAccessToken")).status()).isEqualTo(200);

    setMinimum(ApiVersion.V2026_04_01);

    ApiClient.Answer retiredCheck = legacyCheck(e.session(), Map.of());
    assertThat(retiredCheck.status()).isEqualTo(410);
    assertThat(retiredCheck.code()).isEqualTo("legacy_api_retired");
    assertThat(retiredCheck.text("detail")).contains("/step-up/check").contains("requestedScopes");
    // The token issued before the switch is refused too, at once.
    ApiClient.Answer retiredToken = export(e, e.session(), legacyToken);
    assertThat(retiredToken.status()).isEqualTo(410);
    assertThat(retiredToken.code()).isEqualTo("legacy_api_retired");
    ApiClient.Answer retiredVerify = legacyTotp(e, true);
    assertThat(retiredVerify.status()).isEqualTo(410);
    assertThat(retiredVerify.code()).isEqualTo("legacy_api_retired");

    ApiClient.Answer after = scopedTotp(e, "wallet:export");
    assertThat(after.status()).as(after.raw().body()).isEqualTo(200);
    assertThat(export(e, e.session(), after.text("elevatedAccessToken")).status()).isEqualTo(200);
  }

  @Test
  void aLegacyTokenIsSingleUseUnlessAskedOtherwiseAndNeverGrantsCredentialChanges() {
    Enrolled e = enrolTotp();
    String once = legacyTotp(e, true).text("elevatedAccessToken");

    assertThat(export(e, e.session(), once).status()).isEqualTo(200);
    ApiClient.Answer again = export(e, e.session(), once);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.code()).isEqualTo("token_consumed");

    String many = legacyTotp(e, false).text("elevatedAccessToken");
    ApiClient.Answer unlink =
        api.delete(
            ENV + "/credentials/" + e.user().credential("email"),
            e.session(),
            Map.of("X-Elevated-Access-Token", many));
    assertThat(unlink.status()).isEqualTo(401);
    assertThat(unlink.code()).isEqualTo("step_up_required");
  }

  @Test
  void aLegacyTokenOfAnotherSessionOrUserIsRefused() {
    Enrolled e = enrolTotp();
    String token = legacyTotp(e, false).text("elevatedAccessToken");

    String otherSession = signIn(e.user(), e.user().credential("email"));
    ApiClient.Answer stolen = export(e, otherSession, token);
    assertThat(stolen.status()).isEqualTo(401);
    assertThat(stolen.code()).isEqualTo("invalid_token");

    TestUser mallory = newUser();
    String mallorySession = signIn(mallory, mallory.credential("email"));
    ApiClient.Answer foreign =
        api.post(
            ENV + "/wallets/" + mallory.credential("blockchain") + "/export",
            mallorySession,
            Map.of(),
            Map.of("X-Elevated-Access-Token", token));
    assertThat(foreign.status()).isEqualTo(401);
    assertThat(foreign.code()).isEqualTo("invalid_token");
  }

  @Test
  void aMalformedOrUnknownVersionIsAClear400() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    ApiClient.Answer dashed =
        api.post(
            ENV + "/step-up/check",
            session,
            Map.of("scope", "wallet:export"),
            Map.of("Stepup-Api-Version", "2026-04-01"));
    assertThat(dashed.status()).isEqualTo(400);
    assertThat(dashed.code()).isEqualTo("invalid_api_version");
    assertThat(dashed.text("detail")).contains("Stepup-Api-Version").contains("2026_04_01");

    ApiClient.Answer future =
        api.post(
            ENV + "/step-up/check",
            session,
            Map.of("scope", "wallet:export"),
            Map.of("Stepup-Api-Version", "2031_01_01"));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.code()).isEqualTo("invalid_api_version");
    assertThat(future.text("detail")).contains("unknown API version 2031_01_01");

    ApiClient.Answer current =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:export"), NEW_VERSION);
    assertThat(current.status()).isEqualTo(200);
  }

  @Test
  void theConsoleSetsTheMinimumAndShowsLegacyUseByVersion() throws Exception {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    assertThat(legacyCheck(session, Map.of()).status()).isEqualTo(200);
    assertThat(legacyCheck(session, NEW_VERSION).status()).isEqualTo(200);

    String admin = "versions-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "api versions admin password";
    assertThat(
            admins.add(
                new AddAdminCommand(
                    "admin", admin, Optional.of(password), RequestOrigin.internal())))
        .isInstanceOf(AdminChange.Done.class);
    ConsoleHttp console = new ConsoleHttp("http://localhost:" + port);
    console.password(admin, password);
    console.enrol(CLOCK.instant());

    String page = "/admin/environments/demo/api-version";
    HttpResponse<String> before = console.get(page);
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body())
        .contains("id=\"legacy-usage-table\"")
        .contains("“Is MFA required for this action?” calls")
        .contains("none (legacy)")
        .contains("<td>2026_04_01</td>");
    assertThat(before.body()).containsPattern("id=\"minimum-none\"[^>]*checked");

    HttpResponse<String> saved = console.post(page, page, Map.of("minimum", "2026_04_01"));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("id=\"version-saved\"");
    assertThat(saved.body()).containsPattern("id=\"minimum-latest\"[^>]*checked");
    assertThat(legacyCheck(session, Map.of()).code()).isEqualTo("legacy_api_retired");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE type = 'settings_changed'"
                        + " AND actor = ? AND reason = 'minimum API version 2026_04_01'")
                .param(admin)
                .query(Long.class)
                .single())
        .isEqualTo(1L);

    HttpResponse<String> bogus = console.post(page, page, Map.of("minimum", "2099_01_01"));
    assertThat(bogus.body()).contains("Choose “none” or 2026_04_01.");

    console.post(page, page, Map.of("minimum", ""));
    assertThat(legacyCheck(session, Map.of()).status()).isEqualTo(200);
  }

  /** A passkey assertion answered by a software authenticator, with this request's extras. */
  private ApiClient.Answer passkeyVerify(
      SoftwareAuthenticator key, String session, String extra, Map<String, String> headers) {
    ApiClient.Answer options = api.post(ENV + "/step-up/passkey/options", session, Map.of());
    assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
    return api.post(
        ENV + "/step-up/passkey/verify",
        session,
        "{\"challengeId\":\""
            + options.text("challengeId")
            + "\",\"credential\":"
            + key.get(options.json().get("publicKey"))
            + ","
            + extra
            + "}",
        headers);
  }

  @Test
  void thePasskeyVerificationTakesTheLegacyFlagUntilTheSwitch() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String link = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);
    ApiClient.Answer options =
        api.post(
            ENV + "/mfa/passkeys/registration/options",
            session,
            Map.of("alias", "Legacy key"),
            Map.of("X-Elevated-Access-Token", link));
    ApiClient.Answer registered =
        api.post(
            ENV + "/mfa/passkeys/registration",
            session,
            "{\"challengeId\":\""
                + options.text("challengeId")
                + "\",\"credential\":"
                + key.create(options.json().get("publicKey"))
                + "}");
    assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
    String wallet = ENV + "/wallets/" + user.credential("blockchain") + "/export";

    ApiClient.Answer legacy =
        passkeyVerify(key, session, "\"createMfaToken\":{\"singleUse\":false}", Map.of());
    assertThat(legacy.status()).as(legacy.raw().body()).isEqualTo(200);
    assertThat(legacy.text("tokenId")).startsWith("mfa_");
    Map<String, String> withLegacy =
        Map.of("X-Elevated-Access-Token", legacy.text("elevatedAccessToken"));
    assertThat(api.post(wallet, session, Map.of(), withLegacy).status()).isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM legacy_mfa_uses WHERE environment_id = 'demo'"
                        + " AND use_kind = 'TOKEN_ISSUED'")
                .query(Long.class)
                .single())
        .isPositive();
    ApiClient.Answer both =
        passkeyVerify(
            key,
            session,
            "\"createMfaToken\":{},\"requestedScopes\":[\"wallet:export\"]",
            Map.of());
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.code()).isEqualTo("validation_failed");
    ApiClient.Answer neither = passkeyVerify(key, session, "\"requestedScopes\":[]", Map.of());
    assertThat(neither.status()).isEqualTo(400);
    assertThat(neither.code()).isEqualTo("validation_failed");

    setMinimum(ApiVersion.V2026_04_01);

    ApiClient.Answer retired = passkeyVerify(key, session, "\"createMfaToken\":{}", NEW_VERSION);
    assertThat(retired.status()).isEqualTo(410);
    assertThat(retired.code()).isEqualTo("legacy_api_retired");
    assertThat(api.post(wallet, session, Map.of(), withLegacy).code())
        .isEqualTo("legacy_api_retired");
    ApiClient.Answer scoped =
        passkeyVerify(key, session, "\"requestedScopes\":[\"wallet:export\"]", NEW_VERSION);
    assertThat(scoped.status()).as(scoped.raw().body()).isEqualTo(200);
    assertThat(scoped.text("tokenId")).doesNotStartWith("mfa_");
  }

  @Test
  void thePurgeDropsLegacyUsesOlderThanTheConsolesThirtyDaysAndTheCountsStay() throws Exception {
    LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
    for (int daysAgo : List.of(45, 29, 0)) {
      jdbc.sql(
              "INSERT INTO legacy_mfa_uses (environment_id, used_on, use_kind, api_version)"
                  + " VALUES ('demo', ?, 'CHECK', '')")
          .param(java.sql.Date.valueOf(today.minusDays(daysAgo)))
          .update();
    }
    String admin = "purge-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "legacy purge admin password";
    admins.add(
        new AddAdminCommand("admin", admin, Optional.of(password), RequestOrigin.internal()));
    ConsoleHttp console = new ConsoleHttp("http://localhost:" + port);
    console.password(admin, password);
    console.enrol(CLOCK.instant());
    String page = "/admin/environments/demo/api-version";
    String before = legacyTotal(console.get(page).body());
    assertThat(legacyUsesBefore(today.minusDays(31))).isPositive();

    purge.purgeExpiredData();

    assertThat(legacyUsesBefore(today.minusDays(31))).isZero();
    assertThat(legacyUsesOn(today.minusDays(29))).isPositive();
    assertThat(legacyTotal(console.get(page).body())).isEqualTo(before);
  }

  private long legacyUsesBefore(LocalDate day) {
    return jdbc.sql("SELECT COUNT(*) FROM legacy_mfa_uses WHERE used_on < ?")
        .param(java.sql.Date.valueOf(day))
        .query(Long.class)
        .single();
  }

  private long legacyUsesOn(LocalDate day) {
    return jdbc.sql("SELECT COUNT(*) FROM legacy_mfa_uses WHERE used_on = ?")
        .param(java.sql.Date.valueOf(day))
        .query(Long.class)
        .single();
  }

  private static String legacyTotal(String page) {
    Matcher total = Pattern.compile("id=\"legacy-total\">(\\d+)<").matcher(page);
    assertThat(total.find()).as(page).isTrue();
    return total.group(1);
  }
}
