package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.webhook.ConfigureWebhookUseCase;
import dev.stepup.domain.webhook.WebhookDelivery;
import dev.stepup.domain.webhook.WebhookEndpoint;
import dev.stepup.domain.webhook.WebhookEventType;
import dev.stepup.domain.webhook.WebhookSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Webhook settings and attempts: the secret is shown once, changes need a fresh confirmation. */
class WebhooksControllerTest extends ConsoleSliceTest {

  private static final String PAGE = "/admin/environments/demo/webhook";
  private static final WebhookSettings SETTINGS =
      new WebhookSettings(
          DEMO,
          WebhookEndpoint.parse("https://host.example/hooks", false),
          Set.of(WebhookEventType.TOKEN_ISSUED, WebhookEventType.LOCKOUT));

  @BeforeEach
  void demo() {
    when(environments.find(DEMO)).thenReturn(Optional.of(DEMO_ENVIRONMENT));
  }

  @Test
  void thePageShowsTheSettingsAndEachDeliveryWithItsAttemptsButNoSecret() throws Exception {
    when(readWebhook.settings(DEMO)).thenReturn(Optional.of(SETTINGS));
    when(readWebhook.deliveries(any(), org.mockito.ArgumentMatchers.anyInt()))
        .thenReturn(
            List.of(
                new WebhookDelivery(
                    2,
                    "evt_dead",
                    "lockout",
                    "https://host.example/hooks",
                    "dead",
                    8,
                    Instant.parse("2026-12-01T10:00:00Z"),
                    Optional.empty(),
                    Optional.of(Instant.parse("2026-12-01T10:30:00Z")),
                    Optional.of("out of attempts: the endpoint answered HTTP 500")),
                new WebhookDelivery(
                    1,
                    "evt_retry",
                    "token.issued",
                    "https://host.example/hooks",
                    "retrying",
                    2,
                    Instant.parse("2026-12-01T10:00:00Z"),
                    Optional.of(Instant.parse("2026-12-01T10:01:00Z")),
                    Optional.empty(),
                    Optional.of("the endpoint did not answer in time"))));
    mvc.perform(get(PAGE).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"https://host.example/hooks\"")))
        .andExpect(content().string(containsString("id=\"event-lockout\" checked=\"checked\"")))
        .andExpect(
            content().string(not(containsString("id=\"event-mfa.reset\" checked=\"checked\""))))
        .andExpect(content().string(containsString("evt_dead")))
        .andExpect(
            content().string(containsString("out of attempts: the endpoint answered HTTP 500")))
        .andExpect(content().string(containsString("retrying")))
        .andExpect(content().string(containsString("2026-12-01T10:01:00Z")))
        .andExpect(content().string(containsString("Rotate the signing secret")))
        .andExpect(content().string(not(containsString("id=\"webhook-secret\""))));
  }

  @Test
  void savingShowsTheNewSecretOnce() throws Exception {
    when(configureWebhook.configure(any()))
        .thenReturn(new ConfigureWebhookUseCase.Result(SETTINGS, Optional.of("whsec_shown_once")));
    mvc.perform(
            post(PAGE)
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .param("endpoint", "https://host.example/hooks")
                .param("event", "token.issued", "lockout"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Saved.")))
        .andExpect(content().string(containsString("whsec_shown_once")));
    ArgumentCaptor<ConfigureWebhookUseCase.Command> command =
        ArgumentCaptor.forClass(ConfigureWebhookUseCase.Command.class);
    verify(configureWebhook).configure(command.capture());
    org.assertj.core.api.Assertions.assertThat(command.getValue().eventTypes())
        .containsExactlyInAnyOrder("token.issued", "lockout");
    org.assertj.core.api.Assertions.assertThat(command.getValue().actor()).isEqualTo("admin");
  }

  @Test
  void aRefusedEndpointIsNamedAndNothingSaved() throws Exception {
    when(configureWebhook.configure(any()))
        .thenThrow(new IllegalArgumentException("the endpoint must use https"));
    mvc.perform(
            post(PAGE)
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .param("endpoint", "http://host.example/hooks")
                .param("event", "token.issued"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("the endpoint must use https")))
        .andExpect(content().string(not(containsString("Saved."))));
  }

  @Test
  void changingTheWebhookOrRotatingItsSecretNeedsAFreshConfirmation() throws Exception {
    mvc.perform(
            post(PAGE)
                .with(admin())
                .with(csrf())
                .param("endpoint", "https://attacker.example/hooks")
                .param("event", "token.issued"))
        .andExpect(status().isForbidden());
    mvc.perform(post(PAGE + "/secret").with(admin()).with(csrf()))
        .andExpect(status().isForbidden());
    verifyNoInteractions(configureWebhook, rotateWebhookSecret);
  }

  @Test
  void rotatingShowsTheNewSecretOnce() throws Exception {
    when(readWebhook.settings(DEMO)).thenReturn(Optional.of(SETTINGS));
    when(rotateWebhookSecret.rotate(any())).thenReturn("whsec_rotated");
    mvc.perform(post(PAGE + "/secret").with(admin()).with(csrf()).session(confirmedSession()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("whsec_rotated")));
  }
}
