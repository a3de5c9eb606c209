package dev.stepup.adapter.in.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpResult;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.scope.InvalidScopeException;
import dev.stepup.domain.scope.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Step-up settings: saved in place with htmx, refused with the reasons, never half-saved. */
class StepUpSettingsControllerTest extends ConsoleSliceTest {

  private static final String SETTINGS = "/admin/environments/demo/step-up";

  @BeforeEach
  void demo() {
    when(environments.find(DEMO)).thenReturn(Optional.of(DEMO_ENVIRONMENT));
  }

  @Test
  void thePageShowsEveryAction() throws Exception {
    mvc.perform(get(SETTINGS).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("wallet:export")))
        .andExpect(content().string(containsString("credential:unlink")));
  }

  @Test
  void eachScopeOffersOffMonitorAndEnforceWithTheCurrentOneSelected() throws Exception {
    mvc.perform(get(SETTINGS).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"enforcement.wallet:export\"")))
        .andExpect(content().string(containsString("<option value=\"off\">Off</option>")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<option value=\"monitor\">Monitor · count, never ask</option>")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<option value=\"enforce\" selected=\"selected\">Enforce</option>")));
  }

  @Test
  void theChosenEnforcementOfEachScopeIsWhatIsConfigured() throws Exception {
    when(configureStepUp.configure(any()))
        .thenAnswer(
            call ->
                new ConfigureStepUpResult.Applied(
                    call.<ConfigureStepUpCommand>getArgument(0).proposed()));
    mvc.perform(
            post(SETTINGS)
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .header("HX-Request", "true")
                .param("enabled", "on")
                .param("method", "email_otp")
                .param("enforcement.wallet:export", "monitor")
                .param("enforcement.wallet:sign", "enforce")
                .param("enforcement.wallet:refresh", "off"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "<option value=\"monitor\" selected=\"selected\">Monitor · count,"
                            + " never ask</option>")));
    ArgumentCaptor<ConfigureStepUpCommand> sent =
        ArgumentCaptor.forClass(ConfigureStepUpCommand.class);
    verify(configureStepUp).configure(sent.capture());
    StepUpSettings settings = sent.getValue().proposed();
    assertThat(settings.action(Scope.WALLET_EXPORT).enforcement()).isEqualTo(Enforcement.MONITOR);
    assertThat(settings.action(Scope.WALLET_SIGN).enforcement()).isEqualTo(Enforcement.ENFORCE);
    assertThat(settings.action(Scope.WALLET_REFRESH).enforcement()).isEqualTo(Enforcement.OFF);
    // A scope the form leaves out is not protected, as an unticked box was.
    assertThat(settings.action(Scope.WALLET_RESHARE).enforcement()).isEqualTo(Enforcement.OFF);
  }

  @Test
  void anUnknownEnforcementIsRefusedAndNothingIsConfigured() throws Exception {
    mvc.perform(
            post(SETTINGS)
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .header("HX-Request", "true")
                .param("enabled", "on")
                .param("method", "email_otp")
                .param("enforcement.wallet:export", "loose"))
        .andExpect(status().isBadRequest());
    verify(configureStepUp, never()).configure(any());
  }

  @Test
  void anHtmxSaveAnswersTheFormOnlySaying() throws Exception {
    when(configureStepUp.configure(any()))
        .thenReturn(new ConfigureStepUpResult.Applied(StepUpSettings.defaults()));
    mvc.perform(
            post(SETTINGS)
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .header("HX-Request", "true")
                .param("enabled", "on")
                .param("method", "email_otp"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Saved.")))
        .andExpect(content().string(containsString("id=\"settings\"")))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void aRejectedChangeNamesTheProblemsOnTheWholePage() throws Exception {
    when(configureStepUp.configure(any()))
        .thenReturn(new ConfigureStepUpResult.Rejected(List.of("Enable at least one method.")));
    mvc.perform(
            post(SETTINGS)
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .param("enabled", "on"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("Not saved:")))
        .andExpect(content().string(containsString("Enable at least one method.")))
        .andExpect(content().string(not(containsString("Saved."))));
  }

  @Test
  void anUnknownMethodIsABadRequest() throws Exception {
    mvc.perform(
            post(SETTINGS)
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .param("method", "carrier_pigeon"))
        .andExpect(status().isBadRequest());
    org.mockito.Mockito.verifyNoInteractions(configureStepUp);
  }

  @Test
  void aRefusedScopeIsExplainedAboveTheAddFormWithWhatWasTyped() throws Exception {
    when(hostScopes.add(any()))
        .thenThrow(new InvalidScopeException("The description must be plain words."));
    mvc.perform(
            post(SETTINGS + "/scopes")
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .param("name", "payments:send")
                .param("description", "send <i>money</i>")
                .param("lifetime", "5"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Not saved:")))
        .andExpect(content().string(containsString("The description must be plain words.")))
        .andExpect(content().string(containsString("value=\"payments:send\"")))
        .andExpect(content().string(not(containsString("<i>money</i>"))));
  }

  @Test
  void everyScopeOffersALifetimeFromOneToFifteenMinutes() throws Exception {
    mvc.perform(get(SETTINGS).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"lifetime.wallet:export\"")))
        .andExpect(content().string(containsString("<option value=\"15\">15 min</option>")))
        .andExpect(
            content().string(containsString("<option value=\"5\" selected=\"selected\">5 min")));
  }
}
