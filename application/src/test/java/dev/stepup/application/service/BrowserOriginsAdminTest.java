package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.environment.EnvironmentAdminService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An admin lists the browser origins of an environment; the change is stored and audited. */
class BrowserOriginsAdminTest {

  private final Fixture f = new Fixture();
  private final EnvironmentAdminService admin =
      new EnvironmentAdminService(
          f.environments, f.apiKeys, f.hasher, f.transactions, f.audit, f.clock);

  @Test
  void theListIsStoredAndTheChangeAuditedWithTheAdmin() {
    admin.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(
            ENV, List.of("https://App.example.com", "http://localhost:5173"), "root", ORIGIN));

    assertThat(f.environments.find(ENV).orElseThrow().browserOrigins().entries())
        .containsExactly("https://app.example.com", "http://localhost:5173");
    AuditEvent event = f.lastEvent(AuditEventType.BROWSER_ORIGINS_CHANGED);
    assertThat(event.actor()).contains("root");
    assertThat(event.environmentId()).contains(ENV);
    assertThat(event.reason().orElseThrow())
        .isEqualTo("https://app.example.com http://localhost:5173");
  }

  @Test
  void aBadEntryChangesNothingAndIsNotAudited() {
    admin.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(
            ENV, List.of("https://app.example.com"), "root", ORIGIN));

    assertThatThrownBy(
            () ->
                admin.allowBrowserOrigins(
                    new AllowBrowserOriginsUseCase.Command(
                        ENV, List.of("https://ok.test", "https://*.evil.test"), "root", ORIGIN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://*.evil.test");

    assertThat(f.environments.find(ENV).orElseThrow().browserOrigins().entries())
        .containsExactly("https://app.example.com");
    assertThat(f.events(AuditEventType.BROWSER_ORIGINS_CHANGED)).hasSize(1);
  }
}
