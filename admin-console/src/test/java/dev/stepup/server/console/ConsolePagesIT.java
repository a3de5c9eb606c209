package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.domain.environment.BrowserOrigins;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.scope.Scope;
import dev.stepup.server.pages.PagesTestServer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The console's settings and tokens pages and fragments: access, CSRF, saving, revoking. */
class ConsolePagesIT extends PagesTestServer {

  private static final String SETTINGS = "/admin/environments/demo/step-up";

  @Autowired Environments environments;
  @Autowired ConfigureStepUpUseCase configure;
  @Autowired CreateUserUseCase users;
  @Autowired IssueElevatedTokenUseCase issue;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void defaults() {
    configure.configure(
        new ConfigureStepUpCommand(
            DEMO, StepUpSettings.defaults(), "test", RequestOrigin.internal()));
  }

  /** The default form, as the page submits it, with one change applied. */
  private static MockHttpServletRequestBuilder defaultsForm(MockHttpServletRequestBuilder r) {
    return defaultsForm(r, "multi");
  }

  private static MockHttpServletRequestBuilder defaultsForm(
      MockHttpServletRequestBuilder r, String signUse) {
    r.param("enabled", "on");
    for (String m :
        List.of("email_otp", "sms_otp", "wallet", "social", "passkey", "totp", "recovery_code")) {
      r.param("method", m);
    }
    for (Scope s : Scope.builtIns()) {
      r.param("protected." + s.wire(), "on");
      r.param("use." + s.wire(), s.equals(Scope.WALLET_SIGN) ? signUse : "single");
    }
    return r;
  }

  @Test
  void signedOutAdminsAreSentToSignIn() throws Exception {
    mvc.perform(get(SETTINGS))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", containsString("/login")));
    mvc.perform(get("/admin/environments/demo/tokens")).andExpect(status().isFound());
  }

  @Test
  void settingsPageShowsEveryScopeAndMethod() throws Exception {
    mvc.perform(console.asAdmin(get(SETTINGS)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("wallet:sign")))
        .andExpect(content().string(containsString("credential:unlink")))
        .andExpect(content().string(containsString("Authenticator app (TOTP)")))
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(content().string(not(containsString("<script>"))));
  }

  @Test
  void aChangeWithoutCsrfIsRefused() throws Exception {
    mvc.perform(console.asAdmin(defaultsForm(post(SETTINGS))).header("HX-Request", "true"))
        .andExpect(status().isForbidden());
    assertThat(environments.find(DEMO).orElseThrow().settings())
        .isEqualTo(StepUpSettings.defaults());
  }

  @Test
  void secretRevealingAndDestructiveChangesNeedAFreshConfirmation() throws Exception {
    // Past the second step, but no code entered in this session within the last minutes.
    MockHttpServletRequestBuilder settings =
        defaultsForm(post(SETTINGS), "single")
            .with(user("admin").roles("ADMIN"))
            .with(csrf())
            .header("HX-Request", "true");
    mvc.perform(settings)
        .andExpect(status().isForbidden())
        .andExpect(header().string("HX-Redirect", containsString("/admin/confirm?then=")))
        .andExpect(content().string(containsString("enter a current code from your")));
    mvc.perform(
            post("/admin/environments/demo/api-keys")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("name", "unconfirmed"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("Confirm it")))
        .andExpect(content().string(not(containsString("sk_demo_"))));
    mvc.perform(
            post("/admin/environments/demo/social-providers")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("name", "unconfirmed")
                .param("issuer", "https://id.example.test")
                .param("clientId", "c")
                .param("clientSecret", "s"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/admins")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("username", "unconfirmed"))
        .andExpect(status().isForbidden());
    assertThat(environments.find(DEMO).orElseThrow().settings())
        .isEqualTo(StepUpSettings.defaults());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE name = 'unconfirmed'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM admin_accounts WHERE username = 'unconfirmed'")
                .query(Long.class)
                .single())
        .isZero();
    // Reading stays open.
    mvc.perform(get(SETTINGS).with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
  }

  @Test
  void anInlineChangeSavesAtOnceAndIsAuditedWithTheAdmin() throws Exception {
    mvc.perform(
            console
                .asAdmin(defaultsForm(post(SETTINGS), "single"))
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Saved.")))
        .andExpect(content().string(not(containsString("<html"))));
    assertThat(
            environments.find(DEMO).orElseThrow().settings().action(Scope.WALLET_SIGN).tokenUse())
        .isEqualTo(TokenUse.SINGLE);
    assertThat(
            jdbc.sql(
                    "SELECT actor FROM audit_trail WHERE type = 'settings_changed'"
                        + " ORDER BY pending DESC NULLS LAST, id DESC LIMIT 1")
                .query(String.class)
                .single())
        .isEqualTo("admin");
  }

  @Test
  void anIncoherentChangeIsExplainedAndNotSaved() throws Exception {
    MockHttpServletRequestBuilder request =
        post(SETTINGS).with(csrf()).header("HX-Request", "true");
    request.param("enabled", "on");
    mvc.perform(console.asAdmin(request))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Not saved")))
        .andExpect(content().string(containsString("no verification method is enabled")));
    assertThat(environments.find(DEMO).orElseThrow().settings())
        .isEqualTo(StepUpSettings.defaults());
  }

  @Test
  void tokensAreListedAndRevokedInPlace() throws Exception {
    var user =
        users.create(
            new CreateUserCommand(
                DEMO,
                Optional.of("console@example.test"),
                Optional.empty(),
                List.of(),
                false,
                RequestOrigin.internal()));
    IssuedElevatedToken token =
        issue.issue(
            new IssueElevatedTokenCommand(
                DEMO,
                user.id(),
                Optional.empty(),
                Set.of(Scope.WALLET_EXPORT),
                Optional.empty(),
                RequestOrigin.internal()));
    String id = token.tokenId().value();
    mvc.perform(
            console.asAdmin(
                get("/admin/environments/demo/tokens").param("user", user.id().value())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("token-" + id)))
        .andExpect(content().string(containsString("revoke-" + id)));

    mvc.perform(
            console
                .asAdmin(post("/admin/environments/demo/tokens/" + id + "/revoke"))
                .header("HX-Request", "true"))
        .andExpect(status().isForbidden());
    mvc.perform(
            console
                .asAdmin(post("/admin/environments/demo/tokens/" + id + "/revoke"))
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("token-" + id)))
        .andExpect(content().string(containsString("revoked")))
        .andExpect(content().string(not(containsString("revoke-" + id))));

    mvc.perform(
            console
                .asAdmin(get("/admin/environments/demo/tokens"))
                .param("state", "active")
                .param("user", user.id().value()))
        .andExpect(content().string(not(containsString("token-" + id))));
  }

  @Test
  void anEnvironmentIsCreatedRenamedAndGetsAnApiKeyShownOnce() throws Exception {
    mvc.perform(
            console
                .asAdmin(post("/admin/environments"))
                .with(csrf())
                .param("id", "Bad Id")
                .param("name", "x"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id: use 1-63 lower-case letters")));
    mvc.perform(
            console
                .asAdmin(post("/admin/environments"))
                .with(csrf())
                .param("id", "staging")
                .param("name", "Staging"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/admin/environments/staging"));
    mvc.perform(
            console
                .asAdmin(post("/admin/environments/staging/name"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", "Staging EU"))
        .andExpect(content().string(containsString("Renamed.")));
    assertThat(environments.find(new EnvironmentId("staging")).orElseThrow().name())
        .isEqualTo("Staging EU");

    String fragment =
        mvc.perform(
                console
                    .asAdmin(post("/admin/environments/staging/api-keys"))
                    .with(csrf())
                    .header("HX-Request", "true")
                    .param("name", "backend")
                    .param("permission", "users:write"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher secret =
        java.util.regex.Pattern.compile("id=\"new-key-secret\">(sk_staging_[^<]+)<")
            .matcher(fragment);
    assertThat(secret.find()).as(fragment).isTrue();

    mvc.perform(
            post("/api/v1/environments/staging/users")
                .header("Authorization", "Bearer " + secret.group(1))
                .contentType("application/json")
                .content("{\"email\":\"key@example.test\"}"))
        .andExpect(status().isCreated());
    mvc.perform(console.asAdmin(get("/admin/environments/staging")))
        .andExpect(content().string(not(containsString(secret.group(1)))))
        .andExpect(content().string(not(containsString(">never<"))));

    String keyId =
        jdbc.sql("SELECT id FROM api_keys WHERE environment_id = 'staging'")
            .query(String.class)
            .single();
    mvc.perform(
            console
                .asAdmin(post("/admin/environments/staging/api-keys/" + keyId + "/revoke"))
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(content().string(containsString("revoked")));
    mvc.perform(
            post("/api/v1/environments/staging/users")
                .header("Authorization", "Bearer " + secret.group(1))
                .contentType("application/json")
                .content("{\"email\":\"key2@example.test\"}"))
        .andExpect(status().isUnauthorized());
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE environment_id = 'staging'"
                        + " AND type IN ('environment_created', 'environment_renamed',"
                        + " 'api_key_created', 'api_key_revoked') AND actor = 'admin'")
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  void anAdminCreatesAKeyWithChosenPermissionsAndExpiryAndSeesThemListed() throws Exception {
    String keys = "/admin/environments/demo/api-keys";
    long before =
        jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE environment_id = 'demo'")
            .query(Long.class)
            .single();
    mvc.perform(
            console
                .asAdmin(post(keys))
                .header("HX-Request", "true")
                .param("name", "gateway")
                .param("permission", "tokens:introspect"))
        .andExpect(status().isForbidden());
    mvc.perform(
            console
                .asAdmin(post(keys))
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", "nothing ticked"))
        .andExpect(content().string(containsString("tick at least one permission")));
    mvc.perform(
            console
                .asAdmin(post(keys))
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", "born expired")
                .param("permission", "tokens:introspect")
                .param("expiresOn", "2020-01-01"))
        .andExpect(content().string(containsString("expiry: choose a date in the future")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE environment_id = 'demo'")
                .query(Long.class)
                .single())
        .as("refused forms create no key")
        .isEqualTo(before);

    String fragment =
        mvc.perform(
                console
                    .asAdmin(post(keys))
                    .with(csrf())
                    .header("HX-Request", "true")
                    .param("name", "gateway")
                    .param("permission", "tokens:introspect")
                    .param("permission", "tokens:revoke")
                    .param("expiresOn", "2999-12-31"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher secret =
        java.util.regex.Pattern.compile("id=\"new-key-secret\">(sk_demo_[^<]+)<").matcher(fragment);
    assertThat(secret.find()).as(fragment).isTrue();
    String keyId =
        jdbc.sql("SELECT id FROM api_keys WHERE name = 'gateway' AND environment_id = 'demo'")
            .query(String.class)
            .single();
    String row =
        fragment.substring(
            fragment.indexOf("id=\"key-" + keyId + "\""),
            fragment.indexOf("</tr>", fragment.indexOf("id=\"key-" + keyId + "\"")));
    assertThat(row)
        .contains(
            "<code>tokens:introspect</code>", "<code>tokens:revoke</code>", "2999-12-31T00:00:00Z")
        .doesNotContain("users:write");

    mvc.perform(
            post("/api/v1/environments/demo/users")
                .header("Authorization", "Bearer " + secret.group(1))
                .contentType("application/json")
                .content("{\"email\":\"gateway@example.test\"}"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("insufficient_permission")));
    mvc.perform(
            post("/api/v1/environments/demo/elevated-tokens/introspect")
                .header("Authorization", "Bearer " + secret.group(1))
                .contentType("application/json")
                .content("{\"token\":\"nope\"}"))
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM audit_trail WHERE type = 'api_key_created'"
                        + " AND actor = 'admin' AND reason LIKE ?")
                .param(keyId + "%")
                .query(String.class)
                .single())
        .contains("tokens:introspect", "tokens:revoke", "until 2999-12-31T00:00:00Z")
        .doesNotContain(secret.group(1));
  }

  @Test
  void browserOriginsAreSavedAuditedAndABadEntryIsNamed() throws Exception {
    try {
      mvc.perform(
              console
                  .asAdmin(post("/admin/environments/demo/browser-origins"))
                  .header("HX-Request", "true")
                  .param("entries", "https://app.example.test"))
          .andExpect(status().isForbidden());
      mvc.perform(
              console
                  .asAdmin(post("/admin/environments/demo/browser-origins"))
                  .with(csrf())
                  .header("HX-Request", "true")
                  .param("entries", "https://app.example.test\nhttps://app.example.test/path"))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("not an allowed browser origin")))
          .andExpect(content().string(containsString("https://app.example.test/path")))
          .andExpect(content().string(containsString("no path")));
      assertThat(environments.find(DEMO).orElseThrow().browserOrigins().entries()).isEmpty();
      mvc.perform(
              console
                  .asAdmin(post("/admin/environments/demo/browser-origins"))
                  .with(csrf())
                  .header("HX-Request", "true")
                  .param("entries", "https://App.Example.test:443\n\nhttp://localhost:3000\n"))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("Saved.")))
          .andExpect(
              content().string(containsString("https://app.example.test\nhttp://localhost:3000")))
          .andExpect(content().string(not(containsString("<html"))));
      assertThat(environments.find(DEMO).orElseThrow().browserOrigins().entries())
          .containsExactly("https://app.example.test", "http://localhost:3000");
      assertThat(
              jdbc.sql(
                      "SELECT reason FROM audit_trail WHERE type = 'browser_origins_changed'"
                          + " AND actor = 'admin' AND environment_id = 'demo'")
                  .query(String.class)
                  .list())
          .containsExactly("https://app.example.test http://localhost:3000");
      mvc.perform(console.asAdmin(get("/admin/environments/demo")))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("Allowed browser origins")))
          .andExpect(content().string(containsString("http://localhost:3000")));
    } finally {
      Environment demo = environments.find(DEMO).orElseThrow();
      demo.allowBrowserOrigins(BrowserOrigins.none());
      environments.save(demo);
    }
  }

  @Test
  void redirectUrisAndSocialProvidersAreKeptPerEnvironmentWithoutShowingSecrets() throws Exception {
    mvc.perform(
            console
                .asAdmin(post("/admin/environments/demo/redirects"))
                .header("HX-Request", "true")
                .param("entries", "https://app.example.test/done"))
        .andExpect(status().isForbidden());
    mvc.perform(
            console
                .asAdmin(post("/admin/environments/demo/redirects"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("entries", "https://app.example.test/done\nhttp://evil.example.test/"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("not an allowed redirect URI or origin")))
        .andExpect(content().string(containsString("http://evil.example.test/")));
    assertThat(environments.find(DEMO).orElseThrow().redirects().entries())
        .doesNotContain("https://app.example.test/done");
    mvc.perform(
            console
                .asAdmin(post("/admin/environments/demo/redirects"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("entries", "https://app.example.test/done\n\nhttp://localhost:3000\n"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Saved.")))
        .andExpect(content().string(not(containsString("<html"))));
    assertThat(environments.find(DEMO).orElseThrow().redirects().entries())
        .containsExactly("https://app.example.test/done", "http://localhost:3000");

    mvc.perform(
            console
                .asAdmin(post("/admin/environments/demo/social-providers"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", "acme")
                .param("issuer", "http://idp.example.test")
                .param("clientId", "client-1")
                .param("clientSecret", "provider-secret-value"))
        .andExpect(content().string(containsString("provider issuer: an https URL")))
        .andExpect(content().string(not(containsString("provider-secret-value"))));
    mvc.perform(
            console
                .asAdmin(post("/admin/environments/demo/social-providers"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", "acme")
                .param("displayName", "Acme ID")
                .param("issuer", "https://id.acme.example.test")
                .param("clientId", "client-1")
                .param("clientSecret", "provider-secret-value"))
        .andExpect(content().string(containsString("Provider “<span>acme</span>” saved.")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "http://localhost/api/v1/environments/demo/step-up/social/acme/callback")))
        .andExpect(
            content()
                .string(
                    containsString("http://localhost/hosted/demo/step-up/social/acme/callback")))
        .andExpect(
            content()
                .string(
                    containsString("http://localhost/hosted/demo/account/social/acme/callback")))
        .andExpect(content().string(not(containsString("provider-secret-value"))));
    mvc.perform(console.asAdmin(get(SETTINGS)))
        .andExpect(content().string(containsString("providers: Acme ID")));
    mvc.perform(console.asAdmin(get("/admin/environments/demo")))
        .andExpect(content().string(containsString("https://id.acme.example.test")))
        .andExpect(content().string(not(containsString("provider-secret-value"))));
    assertThat(
            jdbc.sql("SELECT client_secret FROM social_providers WHERE name = 'acme'")
                .query(String.class)
                .single())
        .doesNotContain("provider-secret-value");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE actor = 'admin'"
                        + " AND type IN ('redirects_changed', 'social_provider_registered')")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void theAuditLogFiltersByTypeAndOutcome() throws Exception {
    mvc.perform(
            console
                .asAdmin(post(SETTINGS))
                .with(csrf())
                .header("HX-Request", "true")
                .param("enabled", "on"))
        .andExpect(content().string(containsString("Not saved")));
    mvc.perform(console.asAdmin(defaultsForm(post(SETTINGS), "single")).with(csrf()))
        .andExpect(status().isOk());

    mvc.perform(console.asAdmin(get("/admin/audit")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("settings_changed")));
    mvc.perform(
            console
                .asAdmin(get("/admin/audit"))
                .header("HX-Request", "true")
                .param("type", "settings_changed")
                .param("outcome", "failure"))
        .andExpect(content().string(containsString("settings_changed")))
        .andExpect(content().string(containsString(">failure<")))
        .andExpect(content().string(not(containsString(">success<"))))
        .andExpect(content().string(not(containsString("<html"))));
    mvc.perform(
            console
                .asAdmin(get("/admin/audit"))
                .param("type", "lockout")
                .param("user", "usr_nobody"))
        .andExpect(content().string(containsString("No events match.")));
  }
}
