package dev.stepup.adapter.in.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.admin.AdminSecondFactorUseCase;
import dev.stepup.application.port.in.admin.AdminSecondFactorUseCase.SecondFactorOutcome;
import dev.stepup.application.port.in.admin.ManageAdminsUseCase;
import dev.stepup.application.port.in.admin.RenderQrCodeUseCase;
import dev.stepup.application.port.in.audit.ReadAuditLogUseCase;
import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase;
import dev.stepup.application.port.in.delivery.ReadOutboxUseCase;
import dev.stepup.application.port.in.delivery.ReportDeliveriesUseCase;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.mfa.ResetMfaUseCase;
import dev.stepup.application.port.in.token.ListElevatedTokensUseCase;
import dev.stepup.application.port.in.token.RevokeElevatedTokenUseCase;
import dev.stepup.application.port.in.user.BrowseUsersUseCase;
import dev.stepup.application.port.in.user.UnlockStepUpUseCase;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's controllers alone, every in-port a Mockito mock, for their slice tests; all share
 * one Spring context. Spring Security runs with a plain stand-in chain here (a signed-in admin
 * stands in via {@code user(...)}, forms need a CSRF token): the console's own security rules are
 * the integration tests' business (ConsolePagesIT, ConsoleUsersIT).
 */
@WebMvcTest
@Import(ConsoleSliceConfiguration.class)
abstract class ConsoleSliceTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final EnvironmentId DEMO = new EnvironmentId("demo");
  static final Environment DEMO_ENVIRONMENT = Environment.create(DEMO, "Demo");

  @Autowired MockMvc mvc;

  @MockitoBean AdminSecondFactorUseCase secondFactor;
  @MockitoBean RenderQrCodeUseCase qrCodes;
  @MockitoBean ManageAdminsUseCase admins;
  @MockitoBean ReadAuditLogUseCase auditLog;
  @MockitoBean ViewDashboardUseCase dashboards;
  @MockitoBean ReadOutboxUseCase outbox;
  @MockitoBean ReportDeliveriesUseCase deliveries;
  @MockitoBean FindEnvironmentsUseCase environments;
  @MockitoBean ManageEnvironmentsUseCase manageEnvironments;
  @MockitoBean ManageSocialProvidersUseCase socialProviders;
  @MockitoBean ConfigureStepUpUseCase configureStepUp;
  @MockitoBean ListElevatedTokensUseCase tokens;
  @MockitoBean RevokeElevatedTokenUseCase revokeToken;
  @MockitoBean BrowseUsersUseCase browseUsers;
  @MockitoBean ResetMfaUseCase resetMfa;
  @MockitoBean UnlockStepUpUseCase unlockStepUp;

  /** A console session in which the admin has just confirmed with a code (guarded actions run). */
  MockHttpSession confirmedSession() throws Exception {
    when(secondFactor.verify(eq("admin"), eq("123456"), any()))
        .thenReturn(new SecondFactorOutcome.Accepted());
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/admin/confirm")
                .with(admin())
                .with(csrf())
                .session(session)
                .param("code", "123456")
                .param("then", "/admin"))
        .andExpect(status().isFound());
    return session;
  }

  /** The bootstrap admin past both sign-in steps. */
  static RequestPostProcessor admin() {
    return user("admin").roles("ADMIN");
  }
}
