package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase;
import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase.Dashboard;
import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpResult;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.scope.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Monitor mode over HTTP, in an environment of its own: set through the use case the console uses,
 * {@code check} answers not required with reason {@code monitored} and the wallet export goes
 * through without a token, both counted; back to enforce, both ask for step-up again.
 */
class MonitorModeIT extends ApiTestServer {

  private static final EnvironmentId MONITORED = new EnvironmentId("monitor-it");
  private static final String PATH = "/api/v1/environments/" + MONITORED.value();

  @Autowired CreateEnvironmentUseCase createEnvironment;
  @Autowired FindEnvironmentsUseCase environments;
  @Autowired CreateApiKeyUseCase createApiKey;
  @Autowired ConfigureStepUpUseCase configure;
  @Autowired ViewDashboardUseCase dashboards;

  private String key;
  private String session;
  private String wallet;

  @BeforeEach
  void anEnvironmentAUserAndASession() {
    if (environments.find(MONITORED).isEmpty()) {
      createEnvironment.create(
          new CreateEnvironmentUseCase.Command(
              MONITORED, "Monitored", "it", RequestOrigin.internal()));
    }
    key =
        createApiKey
            .createApiKey(
                new CreateApiKeyUseCase.Command(
                    MONITORED,
                    "it",
                    ApiPermission.ALL,
                    Optional.empty(),
                    "it",
                    RequestOrigin.internal()))
            .secret();
    String email = "m" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    ApiClient.Answer created =
        api.post(PATH + "/users", key, Map.of("email", email, "embeddedWallet", true));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    TestUser user = new TestUser(created.text("id"), created.json(), email);
    for (var c : user.json().get("credentials")) {
      if (c.has("type") && c.get("type").asString().equals("embedded")) {
        wallet = c.get("id").asString();
      }
    }
    ApiClient.Answer started =
        api.post(
            PATH + "/users/" + user.id() + "/sessions",
            key,
            Map.of("signInCredentialId", user.credential("email")));
    assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
    session = started.text("sessionToken");
    set(Scope.WALLET_EXPORT, Enforcement.ENFORCE);
  }

  private void set(Scope scope, Enforcement enforcement) {
    StepUpSettings current = environments.find(MONITORED).orElseThrow().settings();
    ConfigureStepUpResult result =
        configure.configure(
            new ConfigureStepUpCommand(
                MONITORED,
                current.withAction(current.action(scope).withEnforcement(enforcement)),
                "it-admin",
                RequestOrigin.internal()));
    assertThat(result).isInstanceOf(ConfigureStepUpResult.Applied.class);
  }

  private ApiClient.Answer check(String scope, Map<String, String> headers) {
    ApiClient.Answer answer =
        api.post(PATH + "/step-up/check", session, Map.of("scope", scope), headers);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer;
  }

  private ApiClient.Answer export(Map<String, String> headers) {
    return api.post(PATH + "/wallets/" + wallet + "/export", session, Map.of(), headers);
  }

  private Dashboard.Monitored counted() {
    return dashboards
        .today(MONITORED)
        .monitored()
        .getOrDefault(Scope.WALLET_EXPORT, new Dashboard.Monitored(0, 0));
  }

  @Test
  void monitorLetsCheckAndExportThroughAndCountsThemThenEnforceAsksAgain() {
    Dashboard.Monitored before = counted();
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);

    ApiClient.Answer monitored = check("wallet:export", Map.of());
    assertThat(monitored.json().get("isRequired").asBoolean()).isFalse();
    assertThat(monitored.text("reason")).isEqualTo("monitored");
    ApiClient.Answer exported = export(Map.of());
    assertThat(exported.status()).as(exported.raw().body()).isEqualTo(200);
    assertThat(exported.text("privateKey")).startsWith("0x");

    assertThat(counted())
        .isEqualTo(new Dashboard.Monitored(before.checks() + 1, before.actions() + 1));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE environment_id = ?"
                        + " AND type = 'step_up_monitored' AND scopes = 'wallet:export'")
                .param(MONITORED.value())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);

    set(Scope.WALLET_EXPORT, Enforcement.ENFORCE);
    ApiClient.Answer enforced = check("wallet:export", Map.of());
    assertThat(enforced.json().get("isRequired").asBoolean()).isTrue();
    assertThat(enforced.text("reason")).isEqualTo("step_up_required");
    ApiClient.Answer refused = export(Map.of());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("step_up_required");
    assertThat(refused.header("WWW-Authenticate"))
        .contains("insufficient_user_authentication")
        .contains("wallet:export");
    assertThat(counted())
        .isEqualTo(new Dashboard.Monitored(before.checks() + 1, before.actions() + 1));
  }

  @Test
  void monitoringOneScopeLeavesTheOthersEnforced() {
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);

    ApiClient.Answer sign = check("wallet:sign", Map.of());
    assertThat(sign.json().get("isRequired").asBoolean()).isTrue();
    ApiClient.Answer reshare =
        api.post(PATH + "/wallets/" + wallet + "/reshare", session, Map.of(), Map.of());
    assertThat(reshare.status()).as(reshare.raw().body()).isEqualTo(401);
    assertThat(reshare.code()).isEqualTo("step_up_required");
  }

  @Test
  void aForgedTokenIsNeverHeldInMonitorModeAndTheExportRefusesIt() {
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);
    Map<String, String> forged = Map.of("X-Elevated-Access-Token", "eyJhbGciOiJFUzI1NiJ9.e30.x");

    ApiClient.Answer checked = check("wallet:export", forged);
    assertThat(checked.json().get("isRequired").asBoolean()).isFalse();
    assertThat(checked.text("reason")).isEqualTo("monitored");
    ApiClient.Answer exported = export(forged);
    assertThat(exported.status()).isEqualTo(401);
    assertThat(exported.code()).isEqualTo("invalid_token");
  }
}
