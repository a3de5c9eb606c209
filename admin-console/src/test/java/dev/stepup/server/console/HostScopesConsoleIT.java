package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.scope.Scope;
import dev.stepup.server.pages.PagesTestServer;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The environment's own scopes in the console: added, changed and removed on the step-up settings
 * page (audited, refused with a readable message), listed in the tokens filter, and named with
 * their words on the hosted step-up page.
 */
class HostScopesConsoleIT extends PagesTestServer {

  private static final String SETTINGS = "/admin/environments/demo/step-up";
  private static final String ADD = SETTINGS + "/scopes";

  @Autowired Environments environments;
  @Autowired ConfigureStepUpUseCase configure;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void defaults() {
    configure.configure(
        new ConfigureStepUpCommand(
            DEMO, StepUpSettings.defaults(), "test", RequestOrigin.internal()));
  }

  private MockHttpServletRequestBuilder add(
      String name, String description, String lifetime, String use) throws Exception {
    return console
        .asAdmin(post(ADD))
        .with(csrf())
        .param("name", name)
        .param("description", description)
        .param("lifetime", lifetime)
        .param("use", use)
        .param("enforcement", "enforce");
  }

  private StepUpSettings settings() {
    return environments.find(DEMO).orElseThrow().settings();
  }

  private long audited(String type, String about) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_trail WHERE environment_id = 'demo' AND type = ?"
                + " AND actor = 'admin' AND reason LIKE ?")
        .params(type, "%" + about + "%")
        .query(Long.class)
        .single();
  }

  @Test
  void anAdminAddsAScopeThatIsListedAuditedAndUsedLikeABuiltIn() throws Exception {
    long before = audited("host_scope_added", "payments:send");
    mvc.perform(add("payments:send", "send a payment", "3", "multi"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Added payments:send.")))
        .andExpect(content().string(containsString("send a payment")))
        .andExpect(content().string(containsString("name=\"lifetime.payments:send\"")))
        .andExpect(content().string(containsString("Remove")));

    var action = settings().action(Scope.parse("payments:send"));
    assertThat(action.scope().action()).isEqualTo("send a payment");
    assertThat(action.tokenUse()).isEqualTo(TokenUse.MULTI);
    assertThat(action.lifetime()).isEqualTo(Duration.ofMinutes(3));
    assertThat(audited("host_scope_added", "payments:send")).isEqualTo(before + 1);

    mvc.perform(console.asAdmin(get("/admin/environments/demo/tokens")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("payments:send")));

    Cookie session = hosted.signedIn(hosted.newUser());
    mvc.perform(
            get("/hosted/demo/step-up")
                .cookie(session)
                .param("scope", "payments:send")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("send a payment")));
  }

  @Test
  void badInputIsExplainedOnThePageAndChangesNothing() throws Exception {
    long before = audited("host_scope_added", "");
    mvc.perform(add("wallet:drain", "drain the wallet", "5", "single"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Not saved:")))
        .andExpect(content().string(containsString("belongs to the built-in scopes")));
    mvc.perform(add("Payments Send", "send a payment", "5", "single"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("namespace:action")));
    mvc.perform(add("payments:send", "<b>send</b> a payment", "5", "single"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("plain words")))
        .andExpect(content().string(not(containsString("<b>send</b>"))));
    mvc.perform(add("payments:send", "send a payment", "16", "single"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("1 to 15")));
    mvc.perform(add("payments:send", "send a payment", "soon", "single"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("whole number of minutes")));

    assertThat(settings().hostActions()).isEmpty();
    assertThat(audited("host_scope_added", "")).isEqualTo(before);
  }

  @Test
  void aNameIsUniqueInTheEnvironment() throws Exception {
    mvc.perform(add("payments:send", "send a payment", "5", "single")).andExpect(status().isOk());
    mvc.perform(add("payments:send", "pay someone", "7", "multi"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("already has a scope")));
    assertThat(settings().action(Scope.parse("payments:send")).lifetime())
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theSettingsFormChangesLifetimesOfBuiltInsAndHostScopesWithinBounds() throws Exception {
    mvc.perform(add("payments:send", "send a payment", "5", "single")).andExpect(status().isOk());

    mvc.perform(
            console
                .asAdmin(post(SETTINGS))
                .with(csrf())
                .header("HX-Request", "true")
                .param("enabled", "on")
                .param("method", "email_otp")
                .param("enforcement.wallet:export", "enforce")
                .param("lifetime.wallet:export", "2")
                .param("enforcement.payments:send", "enforce")
                .param("lifetime.payments:send", "15"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Saved.")));
    assertThat(settings().action(Scope.WALLET_EXPORT).lifetime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings().action(Scope.parse("payments:send")).lifetime())
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(settings().action(Scope.parse("payments:send")).scope().action())
        .isEqualTo("send a payment");

    mvc.perform(
            console
                .asAdmin(post(SETTINGS))
                .with(csrf())
                .header("HX-Request", "true")
                .param("enabled", "on")
                .param("method", "email_otp")
                .param("enforcement.wallet:export", "enforce")
                .param("lifetime.wallet:export", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Not saved:")))
        .andExpect(content().string(containsString("1 to 15")));
    assertThat(settings().action(Scope.WALLET_EXPORT).lifetime()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void removingAScopeIsAuditedAndItIsUnknownAfterwards() throws Exception {
    long before = audited("host_scope_removed", "payments:send");
    mvc.perform(add("payments:send", "send a payment", "5", "single")).andExpect(status().isOk());

    mvc.perform(console.asAdmin(post(SETTINGS + "/scopes/payments:send/remove")).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Removed payments:send.")))
        .andExpect(content().string(not(containsString("name=\"lifetime.payments:send\""))));
    assertThat(settings().knows(Scope.parse("payments:send"))).isFalse();
    assertThat(audited("host_scope_removed", "payments:send")).isEqualTo(before + 1);

    mvc.perform(console.asAdmin(post(SETTINGS + "/scopes/wallet:export/remove")).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("built-in scope")));
    assertThat(settings().knows(Scope.WALLET_EXPORT)).isTrue();

    Cookie session = hosted.signedIn(hosted.newUser());
    mvc.perform(
            get("/hosted/demo/step-up")
                .cookie(session)
                .param("scope", "payments:send")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Unknown action")));
  }

  @Test
  void anUnconfirmedAdminCannotAddOrRemoveAScope() throws Exception {
    mvc.perform(
            post(ADD)
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("name", "payments:send")
                .param("description", "send a payment")
                .param("lifetime", "5"))
        .andExpect(status().isForbidden());
    mvc.perform(console.asAdmin(post(ADD)).param("name", "payments:send"))
        .andExpect(status().isForbidden());
    assertThat(settings().hostActions()).isEmpty();
  }
}
