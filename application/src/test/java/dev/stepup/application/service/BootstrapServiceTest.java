package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.bootstrap.BootstrapCommand;
import dev.stepup.application.port.in.bootstrap.BootstrapResult;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.environment.BootstrapService;
import dev.stepup.domain.access.AdminAccount;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.StepUpSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootstrapServiceTest {

  private static final BootstrapCommand GENERATE =
      new BootstrapCommand(Optional.empty(), Optional.empty());

  private final Fixture f = new Fixture();

  @Test
  void theFirstStartPreparesTheDemoAndShowsTheGeneratedSecretsOnce() {
    BootstrapResult result = f.bootstrap.bootstrap(GENERATE);

    assertThat(result.firstStart()).isTrue();
    assertThat(result.adminUsername()).isEqualTo("admin");
    String password = result.generatedAdminPassword().orElseThrow();
    String apiKey = result.generatedDemoApiKey().orElseThrow();
    assertThat(password).hasSizeGreaterThanOrEqualTo(BootstrapCommand.MIN_ADMIN_PASSWORD);
    assertThat(apiKey).startsWith("sk_demo_");
    assertThat(f.environments.find(BootstrapService.DEMO).orElseThrow().settings())
        .isEqualTo(StepUpSettings.defaults());
    AdminAccount admin = f.admins.find("admin").orElseThrow();
    assertThat(admin.passwordHash()).isNotEqualTo(password).doesNotContain(password);
    assertThat(f.hasher.passwordMatches(password, admin.passwordHash())).isTrue();
    assertThat(f.apiKeys.forEnvironment(BootstrapService.DEMO))
        .singleElement()
        .satisfies(k -> assertThat(k.digest()).doesNotContain(apiKey));
    assertThat(f.userService.apiKey(BootstrapService.DEMO, apiKey)).isTrue();
    AuditEvent event = f.lastEvent(AuditEventType.BOOTSTRAP);
    assertThat(event.actor()).contains("server");
    assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
  }

  @Test
  void theSecondStartDoesNothing() {
    BootstrapResult first = f.bootstrap.bootstrap(GENERATE);
    AdminAccount admin = f.admins.find("admin").orElseThrow();

    BootstrapResult second = f.bootstrap.bootstrap(GENERATE);

    assertThat(second.firstStart()).isFalse();
    assertThat(second.adminUsername()).isEqualTo("admin");
    assertThat(second.generatedAdminPassword()).isEmpty();
    assertThat(second.generatedDemoApiKey()).isEmpty();
    assertThat(f.admins.find("admin")).contains(admin);
    assertThat(f.apiKeys.forEnvironment(BootstrapService.DEMO)).hasSize(1);
    assertThat(f.events(AuditEventType.BOOTSTRAP)).hasSize(1);
    assertThat(
            f.hasher.passwordMatches(
                first.generatedAdminPassword().orElseThrow(), admin.passwordHash()))
        .isTrue();
    assertThat(
            f.userService.apiKey(BootstrapService.DEMO, first.generatedDemoApiKey().orElseThrow()))
        .isTrue();
  }

  @Test
  void secretsTheOperatorChoseAreUsedAndNotEchoed() {
    String password = "correct horse battery";
    String apiKey = "sk_demo_chosen_by_the_operator_0001";

    BootstrapResult result =
        f.bootstrap.bootstrap(new BootstrapCommand(Optional.of(password), Optional.of(apiKey)));

    assertThat(result.firstStart()).isTrue();
    assertThat(result.generatedAdminPassword()).isEmpty();
    assertThat(result.generatedDemoApiKey()).isEmpty();
    assertThat(
            f.hasher.passwordMatches(password, f.admins.find("admin").orElseThrow().passwordHash()))
        .isTrue();
    assertThat(f.userService.apiKey(BootstrapService.DEMO, apiKey)).isTrue();
  }

  @Test
  void twoInstallationsGetDifferentSecrets() {
    Fixture other = new Fixture();

    BootstrapResult one = f.bootstrap.bootstrap(GENERATE);
    BootstrapResult two = other.bootstrap.bootstrap(GENERATE);

    assertThat(one.generatedAdminPassword()).isNotEqualTo(two.generatedAdminPassword());
    assertThat(one.generatedDemoApiKey()).isNotEqualTo(two.generatedDemoApiKey());
  }

  @Test
  void anExistingDemoEnvironmentKeepsItsSettings() {
    Environment demo = Environment.create(BootstrapService.DEMO, "My demo");
    demo.reconfigure(demo.settings().withEnabled(false));
    f.environments.save(demo);

    assertThat(f.bootstrap.bootstrap(GENERATE).firstStart()).isTrue();

    Environment after = f.environments.find(BootstrapService.DEMO).orElseThrow();
    assertThat(after.name()).isEqualTo("My demo");
    assertThat(after.settings().enabled()).isFalse();
  }
}
