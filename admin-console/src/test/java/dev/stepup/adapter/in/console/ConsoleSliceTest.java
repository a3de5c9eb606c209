package dev.stepup.adapter.in.console;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.admin.AddAdminUseCase;
import dev.stepup.application.port.in.admin.ChangeAdminPasswordUseCase;
import dev.stepup.application.port.in.admin.CheckAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.ConfirmAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.ListAdminsUseCase;
import dev.stepup.application.port.in.admin.RenderQrCodeUseCase;
import dev.stepup.application.port.in.admin.SecondFactorOutcome;
import dev.stepup.application.port.in.admin.StartAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.VerifyAdminTotpUseCase;
import dev.stepup.application.port.in.audit.ReadAuditLogUseCase;
import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase;
import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase;
import dev.stepup.application.port.in.delivery.ListFailedDeliveriesUseCase;
import dev.stepup.application.port.in.delivery.ReadOutboxUseCase;
import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.AllowSignUpUseCase;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ListApiKeysUseCase;
import dev.stepup.application.port.in.environment.ManageHostScopesUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.environment.RenameEnvironmentUseCase;
import dev.stepup.application.port.in.environment.RevokeApiKeyUseCase;
import dev.stepup.application.port.in.externalauth.ManageBackendClientsUseCase;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.application.port.in.mfa.ResetMfaUseCase;
import dev.stepup.application.port.in.token.FindElevatedTokenUseCase;
import dev.stepup.application.port.in.token.ListElevatedTokensUseCase;
import dev.stepup.application.port.in.token.RevokeElevatedTokenByIdUseCase;
import dev.stepup.application.port.in.user.GetStepUpLockUseCase;
import dev.stepup.application.port.in.user.GetUserDetailUseCase;
import dev.stepup.application.port.in.user.SearchUsersUseCase;
import dev.stepup.application.port.in.user.UnlockStepUpUseCase;
import dev.stepup.application.port.in.version.CountLegacyMfaUseCase;
import dev.stepup.application.port.in.version.SetMinimumApiVersionUseCase;
import dev.stepup.application.port.in.webhook.ConfigureWebhookUseCase;
import dev.stepup.application.port.in.webhook.ReadWebhookUseCase;
import dev.stepup.application.port.in.webhook.RemoveWebhookUseCase;
import dev.stepup.application.port.in.webhook.RotateWebhookSecretUseCase;
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
 * one Spring context (EnvironmentChanges, which only groups the environment page's in-ports, is the
 * real record around those mocks). Spring Security runs with a plain stand-in chain here (a
 * signed-in admin stands in via {@code user(...)}, forms need a CSRF token): the console's own
 * security rules are the integration tests' business (ConsolePagesIT, ConsoleUsersIT).
 */
@WebMvcTest
@Import({ConsoleSliceConfiguration.class, EnvironmentChanges.class})
abstract class ConsoleSliceTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final EnvironmentId DEMO = new EnvironmentId("demo");
  static final Environment DEMO_ENVIRONMENT = Environment.create(DEMO, "Demo");

  @Autowired MockMvc mvc;

  @MockitoBean CheckAdminTotpEnrolmentUseCase totpEnrolment;
  @MockitoBean StartAdminTotpEnrolmentUseCase startTotpEnrolment;
  @MockitoBean ConfirmAdminTotpEnrolmentUseCase confirmTotpEnrolment;
  @MockitoBean VerifyAdminTotpUseCase verifyTotp;
  @MockitoBean RenderQrCodeUseCase qrCodes;
  @MockitoBean ListAdminsUseCase listAdmins;
  @MockitoBean AddAdminUseCase addAdmin;
  @MockitoBean ChangeAdminPasswordUseCase changePassword;
  @MockitoBean ReadAuditLogUseCase auditLog;
  @MockitoBean VerifyAuditChainUseCase verifyAuditChain;
  @MockitoBean ViewDashboardUseCase dashboards;
  @MockitoBean ReadOutboxUseCase outbox;
  @MockitoBean ListFailedDeliveriesUseCase failedDeliveries;
  @MockitoBean FindEnvironmentsUseCase environments;
  @MockitoBean CreateEnvironmentUseCase createEnvironment;
  @MockitoBean RenameEnvironmentUseCase renameEnvironment;
  @MockitoBean AllowRedirectsUseCase allowRedirects;
  @MockitoBean AllowBrowserOriginsUseCase allowBrowserOrigins;
  @MockitoBean AllowSignUpUseCase allowSignUp;
  @MockitoBean ListApiKeysUseCase listApiKeys;
  @MockitoBean CreateApiKeyUseCase createApiKey;
  @MockitoBean RevokeApiKeyUseCase revokeApiKey;
  @MockitoBean ManageSocialProvidersUseCase socialProviders;
  @MockitoBean ManageHostScopesUseCase hostScopes;
  @MockitoBean ConfigureStepUpUseCase configureStepUp;
  @MockitoBean ListElevatedTokensUseCase tokens;
  @MockitoBean FindElevatedTokenUseCase findToken;
  @MockitoBean RevokeElevatedTokenByIdUseCase revokeToken;
  @MockitoBean SearchUsersUseCase searchUsers;
  @MockitoBean GetUserDetailUseCase userDetails;
  @MockitoBean ResetMfaUseCase resetMfa;
  @MockitoBean GetStepUpLockUseCase stepUpLock;
  @MockitoBean UnlockStepUpUseCase unlockStepUp;
  @MockitoBean ManageExternalIdentityProviderUseCase externalIdentityProvider;
  @MockitoBean ManageBackendClientsUseCase backendClients;
  @MockitoBean ConfigureWebhookUseCase configureWebhook;
  @MockitoBean RotateWebhookSecretUseCase rotateWebhookSecret;
  @MockitoBean RemoveWebhookUseCase removeWebhook;
  @MockitoBean ReadWebhookUseCase readWebhook;
  @MockitoBean SetMinimumApiVersionUseCase setMinimumApiVersion;
  @MockitoBean CountLegacyMfaUseCase countLegacyMfa;

  /** A console session in which the admin has just confirmed with a code (guarded actions run). */
  MockHttpSession confirmedSession() throws Exception {
    when(verifyTotp.verify(code("admin", "123456"))).thenReturn(new SecondFactorOutcome.Accepted());
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

  /** A code check matching the admin who asks and the code typed. */
  static VerifyAdminTotpUseCase.Command code(String admin, String code) {
    return argThat(c -> c != null && c.username().equals(admin) && c.code().equals(code));
  }

  /** Any code check by this admin. */
  static VerifyAdminTotpUseCase.Command anyCode(String admin) {
    return argThat(c -> c != null && c.username().equals(admin));
  }

  /** The bootstrap admin past both sign-in steps. */
  static RequestPostProcessor admin() {
    return user("admin").roles("ADMIN");
  }
}
