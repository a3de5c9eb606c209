package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase.Dashboard;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard: today's figures of one environment, chosen with the environment picker. */
class DashboardControllerTest extends ConsoleSliceTest {

  private static final Environment STAGING =
      Environment.create(new EnvironmentId("staging"), "Staging");

  @BeforeEach
  void twoEnvironments() {
    when(environments.all()).thenReturn(List.of(DEMO_ENVIRONMENT, STAGING));
    when(dashboards.today(any()))
        .thenAnswer(
            call ->
                new Dashboard(
                    call.getArgument(0),
                    NOW,
                    Map.of(VerificationMethod.EMAIL_OTP, 3L),
                    4,
                    1,
                    2,
                    5));
  }

  @Test
  void theFiguresOfTheChosenEnvironmentAreShown() throws Exception {
    mvc.perform(get("/admin/dashboard").with(admin()).param("env", "staging"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Dashboard · <span>Staging</span>")))
        .andExpect(content().string(containsString("id=\"figure-step-ups\">3<")))
        .andExpect(content().string(containsString("id=\"figure-lockouts\">2<")))
        .andExpect(content().string(containsString("id=\"figure-active-tokens\">5<")));
  }

  @Test
  void thePickerMarksTheChosenEnvironment() throws Exception {
    mvc.perform(get("/admin/dashboard").with(admin()).param("env", "staging"))
        .andExpect(content().string(containsString("id=\"dashboard-env\"")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<option value=\"staging\" selected=\"selected\">Staging</option>")))
        .andExpect(content().string(containsString("<option value=\"demo\">Demo</option>")));
  }

  @Test
  void theMonitoredChecksAndActionsOfEachScopeAreShown() throws Exception {
    doAnswer(
            call ->
                new Dashboard(
                    call.getArgument(0),
                    NOW,
                    Map.of(),
                    0,
                    0,
                    0,
                    0,
                    Map.of(Scope.WALLET_EXPORT, new Dashboard.Monitored(7, 3))))
        .when(dashboards)
        .today(any());
    mvc.perform(get("/admin/dashboard").with(admin()).param("env", "demo"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Monitor mode today")))
        .andExpect(content().string(containsString("id=\"monitored-wallet:export\"")))
        .andExpect(content().string(containsString("class=\"monitored-checks\">7<")))
        .andExpect(content().string(containsString("class=\"monitored-actions\">3<")))
        // The demo environment enforces every scope: the row says so.
        .andExpect(content().string(containsString("<td>enforce</td>")));
  }

  @Test
  void withNothingMonitoredTheSectionIsLeftOut() throws Exception {
    mvc.perform(get("/admin/dashboard").with(admin()).param("env", "demo"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("Monitor mode today"))));
  }

  @Test
  void anUnknownEnvironmentIsNotFound() throws Exception {
    mvc.perform(get("/admin/dashboard").with(admin()).param("env", "nowhere"))
        .andExpect(status().isNotFound());
  }
}
