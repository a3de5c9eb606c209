package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.stepup.application.port.in.externalauth.ManageBackendClientsUseCase;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.server.pages.PagesTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console's external-auth page: the trusted provider and the backend clients, audited. */
class ExternalAuthPageIT extends PagesTestServer {

  static final String PAGE = "/admin/environments/demo/external-auth";

  @Autowired ManageExternalIdentityProviderUseCase providers;
  @Autowired ManageBackendClientsUseCase clients;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void forget() {
    providers.remove(DEMO, "test", RequestOrigin.internal());
    clients.remove(DEMO, "console-backend", "test", RequestOrigin.internal());
  }

  @Test
  void anAdminTrustsAProviderWhichIsAuditedAndShown() throws Exception {
    mvc.perform(
            console
                .asAdmin(post(PAGE + "/provider"))
                .with(csrf())
                .param("issuer", "https://id.example.test")
                .param("jwksUrl", "https://id.example.test/.well-known/jwks.json")
                .param("audience", "demo-app"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Identity provider saved.")))
        .andExpect(
            content().string(containsString("https://id.example.test/.well-known/jwks.json")));

    assertThat(providers.provider(DEMO))
        .hasValueSatisfying(p -> assertThat(p.audience()).isEqualTo("demo-app"));
    assertThat(
            jdbc.sql(
                    "SELECT actor FROM audit_trail WHERE type = 'external_idp_configured'"
                        + " ORDER BY pending DESC NULLS LAST, id DESC")
                .query(String.class)
                .list())
        .first()
        .isEqualTo("admin");
    mvc.perform(console.asAdmin(get(PAGE)))
        .andExpect(content().string(containsString("Stop trusting this provider")));
  }

  @Test
  void keysOverPlainHttpAreRefusedWithTheReason() throws Exception {
    mvc.perform(
            console
                .asAdmin(post(PAGE + "/provider"))
                .with(csrf())
                .param("issuer", "https://id.example.test")
                .param("jwksUrl", "http://id.example.test/jwks")
                .param("audience", "demo-app"))
        .andExpect(content().string(containsString("JWKS URL: an https URL")));
    assertThat(providers.provider(DEMO)).isEmpty();
  }

  @Test
  void anUnconfirmedSessionCannotChangeTheProvider() throws Exception {
    mvc.perform(
            post(PAGE + "/provider")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("issuer", "https://evil.example.test")
                .param("jwksUrl", "https://evil.example.test/jwks")
                .param("audience", "demo-app"))
        .andExpect(status().isForbidden());
    assertThat(providers.provider(DEMO)).isEmpty();
  }

  @Test
  void anAdminRegistersABackendsPublicKeysButNeverAPrivateKey() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    mvc.perform(
            console
                .asAdmin(post(PAGE + "/clients"))
                .with(csrf())
                .param("clientId", "console-backend")
                .param("publicKeys", new JWKSet(key).toString(false)))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("clientError", containsString("private key")));
    assertThat(clients.clients(DEMO)).isEmpty();

    mvc.perform(
            console
                .asAdmin(post(PAGE + "/clients"))
                .with(csrf())
                .param("clientId", "console-backend")
                .param("publicKeys", new JWKSet(key.toPublicJWK()).toString()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("clientSaved", "console-backend"));
    mvc.perform(console.asAdmin(get(PAGE)))
        .andExpect(content().string(containsString("client-console-backend")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_trail WHERE type = 'backend_client_registered'")
                .query(Long.class)
                .single())
        .isPositive();
  }
}
