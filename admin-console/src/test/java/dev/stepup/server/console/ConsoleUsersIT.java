package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.domain.access.AdminAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's sign-in hardening, users pages and dashboard, as an admin meets them: what the
 * pages show, CSRF, throttled sign-ins, sessions that end, and what is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleUsersIT {

  private static final String PASSWORD = "the right password 42";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired AdminAccounts admins;
  @Autowired SecretHasher hasher;
  @Autowired JdbcClient jdbc;
  @Autowired Environment spring;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("stepup-console-users");
    registry.add("stepup.data-dir", dir::toString);
  }

  /** A fresh admin account, so throttling in one test never reaches another. */
  private String newAdmin(String name) {
    admins.save(new AdminAccount(name, hasher.hashPassword(PASSWORD), Instant.now()));
    return name;
  }

  /** A client address no other test uses. */
  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private static String freshAddress() {
    return "10.9.0." + ADDRESSES.incrementAndGet();
  }

  /** The sign-in form posted from {@code address}. */
  private static MockHttpServletRequestBuilder signIn(
      String username, String password, String address) {
    return post("/login")
        .param("username", username)
        .param("password", password)
        .with(csrf())
        .with(from(address));
  }

  private long auditCount(String type, String outcome, String actor) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_events WHERE type = ? AND outcome = ? AND actor = ?")
        .params(type, outcome, actor)
        .query(Long.class)
        .single();
  }

  // ---- sign-in hardening ----------------------------------------------------------------------

  @Test
  void theSignInPageHasLabelledFieldsAndCsrf() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<label for=\"username\">Username</label>")))
        .andExpect(content().string(containsString("<label for=\"password\">Password</label>")))
        .andExpect(content().string(containsString("name=\"_csrf\" type=\"hidden\"")));
  }

  @Test
  void aSuccessfulSignInIsAuditedWithTheAdminAndAddress() throws Exception {
    String admin = newAdmin("signin-ok");
    String address = freshAddress();

    mvc.perform(signIn(admin, PASSWORD, address))
        .andExpect(redirectedUrl("/admin"))
        .andExpect(authenticated().withUsername(admin));

    assertThat(
            jdbc.sql(
                    "SELECT client_ip FROM audit_events WHERE type = 'admin_sign_in'"
                        + " AND outcome = 'success' AND actor = ?")
                .param(admin)
                .query(String.class)
                .list())
        .containsExactly(address);
  }

  @Test
  void aWrongPasswordIsExplainedAndAudited() throws Exception {
    String admin = newAdmin("signin-wrong");

    mvc.perform(signIn(admin, "nope", freshAddress()))
        .andExpect(redirectedUrl("/login?error"))
        .andExpect(unauthenticated());
    mvc.perform(get("/login").param("error", ""))
        .andExpect(content().string(containsString("Wrong username or password.")));

    assertThat(auditCount("admin_sign_in", "failure", admin)).isEqualTo(1);
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhile() throws Exception {
    String admin = newAdmin("signin-throttled");
    for (int i = 0; i < 5; i++) {
      mvc.perform(signIn(admin, "guess " + i, freshAddress()))
          .andExpect(redirectedUrl("/login?error"));
    }

    mvc.perform(signIn(admin, PASSWORD, freshAddress()))
        .andExpect(redirectedUrl("/login?throttled=15"))
        .andExpect(unauthenticated());
    mvc.perform(get("/login").param("throttled", "15"))
        .andExpect(content().string(containsString("Too many failed sign-ins")))
        .andExpect(content().string(containsString("try again in 15 minutes")));

    assertThat(auditCount("admin_sign_in", "failure", admin)).isEqualTo(6);
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM audit_events WHERE type = 'admin_sign_in' AND actor = ?"
                        + " ORDER BY id DESC LIMIT 1")
                .param(admin)
                .query(String.class)
                .single())
        .isEqualTo("throttled");
    assertThat(auditCount("lockout", "failure", admin)).isEqualTo(1);
  }

  @Test
  void oneAddressGuessingManyUsernamesIsThrottledToo() throws Exception {
    String admin = newAdmin("signin-shared-address");
    String address = freshAddress();
    for (int i = 0; i < 5; i++) {
      mvc.perform(signIn("nobody-" + i, "x", address)).andExpect(redirectedUrl("/login?error"));
    }

    mvc.perform(signIn(admin, PASSWORD, address)).andExpect(redirectedUrl("/login?throttled=15"));
    mvc.perform(signIn(admin, PASSWORD, freshAddress())).andExpect(redirectedUrl("/admin"));
  }

  @Test
  void signingOutNeedsCsrfEndsTheSessionAndIsAudited() throws Exception {
    mvc.perform(get("/admin").with(user("signout-admin").roles("ADMIN")))
        .andExpect(content().string(containsString("action=\"/logout\"")))
        .andExpect(content().string(containsString("Sign out</button>")));

    mvc.perform(post("/logout").with(user("signout-admin").roles("ADMIN")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/logout").with(user("signout-admin").roles("ADMIN")).with(csrf()))
        .andExpect(redirectedUrl("/login?signedOut"))
        .andExpect(unauthenticated());
    mvc.perform(get("/login").param("signedOut", ""))
        .andExpect(content().string(containsString("You have signed out.")));

    assertThat(auditCount("admin_sign_out", "success", "signout-admin")).isEqualTo(1);
  }

  @Test
  void anEndedSessionLeadsBackToSignInSayingWhy() throws Exception {
    assertThat(spring.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
    RequestPostProcessor staleCookie =
        request -> {
          request.setRequestedSessionId("ended-session");
          request.setRequestedSessionIdValid(false);
          return request;
        };

    mvc.perform(get("/admin/audit").with(staleCookie)).andExpect(redirectedUrl("/login?expired"));
    mvc.perform(get("/admin/audit").with(staleCookie).header("HX-Request", "true"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("HX-Redirect", "/login?expired"));
    mvc.perform(get("/login").param("expired", ""))
        .andExpect(content().string(containsString("Your session ended")))
        .andExpect(content().string(not(containsString("Wrong username"))));
  }
}
