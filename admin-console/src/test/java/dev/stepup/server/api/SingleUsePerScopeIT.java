package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpResult;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.scope.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A token asked for several scopes is single-use per scope: spending it for wallet:export leaves
 * wallet:sign usable until it expires; revoking ends every scope.
 */
class SingleUsePerScopeIT extends ApiTestServer {

  private static final EnvironmentId DEMO = new EnvironmentId("demo");

  @Autowired ConfigureStepUpUseCase configure;
  @Autowired FindEnvironmentsUseCase environments;

  @AfterEach
  void defaults() {
    configureDemo(StepUpSettings.defaults());
  }

  private void configureDemo(StepUpSettings settings) {
    ConfigureStepUpResult result =
        configure.configure(
            new ConfigureStepUpCommand(DEMO, settings, "it-admin", RequestOrigin.internal()));
    assertThat(result).isInstanceOf(ConfigureStepUpResult.Applied.class);
  }

  private void signIsSingleUse() {
    configureDemo(
        environments
            .find(DEMO)
            .orElseThrow()
            .settings()
            .withAction(new ProtectedAction(Scope.WALLET_SIGN, true, TokenUse.SINGLE)));
  }

  private ApiClient.Answer export(String session, String wallet, String token) {
    return api.post(
        ENV + "/wallets/" + wallet + "/export",
        session,
        Map.of(),
        Map.of("X-Elevated-Access-Token", token));
  }

  private ApiClient.Answer sign(String session, String wallet, String token) {
    return api.post(
        ENV + "/wallets/" + wallet + "/sign",
        session,
        Map.of("message", "pay 1 ETH"),
        Map.of("X-Elevated-Access-Token", token));
  }

  private ApiClient.Answer introspect(Map<String, Object> body) {
    ApiClient.Answer answer = api.post(ENV + "/elevated-tokens/introspect", API_KEY, body);
    return answer;
  }

  @Test
  void exportThenSignWithOneTokenEachScopeOnce() {
    signIsSingleUse();
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String wallet = user.credential("blockchain");
    String token =
        stepUpByEmail(session, user, "wallet:export", "wallet:sign").text("elevatedAccessToken");

    assertThat(export(session, wallet, token).status()).isEqualTo(200);
    ApiClient.Answer exportAgain = export(session, wallet, token);
    assertThat(exportAgain.status()).isEqualTo(401);
    assertThat(exportAgain.code()).isEqualTo("token_consumed");
    assertThat(exportAgain.header("WWW-Authenticate")).contains("scope=\"wallet:export\"");

    ApiClient.Answer peek = introspect(Map.of("token", token));
    assertThat(peek.json().get("active").asBoolean()).isTrue();
    assertThat(peek.json().get("scopes").toString()).isEqualTo("[\"wallet:sign\"]");
    assertThat(peek.json().get("spentScopes").toString()).isEqualTo("[\"wallet:export\"]");
    assertThat(peek.json().get("singleUseScopes").toString())
        .isEqualTo("[\"wallet:export\",\"wallet:sign\"]");
    assertThat(introspect(Map.of("token", token, "scope", "wallet:export")).raw().body())
        .isEqualTo("{\"active\":false}");

    assertThat(sign(session, wallet, token).status()).isEqualTo(200);
    ApiClient.Answer signAgain = sign(session, wallet, token);
    assertThat(signAgain.status()).isEqualTo(401);
    assertThat(signAgain.code()).isEqualTo("token_consumed");
    assertThat(introspect(Map.of("token", token)).raw().body()).isEqualTo("{\"active\":false}");

    // Each consumption record names the scope it spent.
    List<String> spent =
        jdbc.sql(
                "SELECT scopes FROM audit_trail WHERE user_id = ? AND type = 'token_consumed'"
                    + " ORDER BY at, pending NULLS FIRST, id")
            .param(user.id())
            .query(String.class)
            .list();
    assertThat(spent).containsExactly("wallet:export", "wallet:sign");
  }

  @Test
  void aMultiUseScopeStaysUsableAfterTheSingleUseOneIsSpentAndRevokingEndsIt() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String wallet = user.credential("blockchain");
    String token =
        stepUpByEmail(session, user, "wallet:export", "wallet:sign").text("elevatedAccessToken");

    assertThat(export(session, wallet, token).status()).isEqualTo(200);
    assertThat(export(session, wallet, token).code()).isEqualTo("token_consumed");
    assertThat(sign(session, wallet, token).status()).isEqualTo(200);
    assertThat(sign(session, wallet, token).status()).isEqualTo(200);

    assertThat(api.post(ENV + "/elevated-tokens/revoke", API_KEY, Map.of("token", token)).status())
        .isEqualTo(200);
    ApiClient.Answer revoked = sign(session, wallet, token);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.code()).isEqualTo("token_revoked");
  }

  @Test
  void aHostSpendsOneScopeByIntrospectionAndMustNameItWhenSeveralAreSingleUse() {
    signIsSingleUse();
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String token =
        stepUpByEmail(session, user, "wallet:export", "wallet:sign").text("elevatedAccessToken");

    ApiClient.Answer unnamed = introspect(Map.of("token", token, "consume", true));
    assertThat(unnamed.status()).isEqualTo(400);
    assertThat(unnamed.code()).isEqualTo("scope_required");
    assertThat(unnamed.raw().headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");

    ApiClient.Answer spent =
        introspect(Map.of("token", token, "scope", "wallet:export", "consume", true));
    assertThat(spent.json().get("active").asBoolean()).isTrue();
    assertThat(spent.json().get("spentScopes").toString()).isEqualTo("[\"wallet:export\"]");
    assertThat(
            introspect(Map.of("token", token, "scope", "wallet:export", "consume", true))
                .raw()
                .body())
        .isEqualTo("{\"active\":false}");
    assertThat(
            introspect(Map.of("token", token, "scope", "wallet:sign", "consume", true))
                .json()
                .get("active")
                .asBoolean())
        .isTrue();
    assertThat(
            introspect(Map.of("token", token, "scope", "wallet:sign", "consume", true))
                .raw()
                .body())
        .isEqualTo("{\"active\":false}");
  }
}
