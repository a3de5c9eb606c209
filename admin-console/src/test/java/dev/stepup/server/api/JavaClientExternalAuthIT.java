package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.stepup.application.port.in.externalauth.ManageBackendClientsUseCase;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.client.ExchangedSession;
import dev.stepup.client.IssuedToken;
import dev.stepup.client.StepUpClient;
import dev.stepup.client.StepUpException;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Java client's bring-your-own-auth calls: token exchange and signed-assertion issuance. */
class JavaClientExternalAuthIT extends ApiTestServer {

  @Autowired ManageExternalIdentityProviderUseCase providers;
  @Autowired ManageBackendClientsUseCase clients;

  @Test
  void exchangesAProviderTokenWithoutAnApiKeyAndSignsAssertionsWithTheKeyItIsGiven() {
    TokenExchangeIT.PROVIDER.trust(providers);
    ECKey key = AssertionTokensIT.key();
    clients.register(
        new EnvironmentId("demo"),
        "java-backend",
        new JWKSet(key.toPublicJWK()).toString(),
        "test",
        new RequestOrigin("127.0.0.1", "java client test"));
    StepUpClient client =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .environment("demo")
            .assertionKey("java-backend", key)
            .build();

    String sub = "java-" + UUID.randomUUID();
    ExchangedSession first = client.exchangeToken(TokenExchangeIT.PROVIDER.token(sub, Map.of()));
    ExchangedSession second = client.exchangeToken(TokenExchangeIT.PROVIDER.token(sub, Map.of()));
    assertThat(first.userCreated()).isTrue();
    assertThat(second.userId()).isEqualTo(first.userId());
    assertThat(api.get(ENV + "/me", second.session().sessionToken()).status()).isEqualTo(200);

    IssuedToken token =
        client.issueTokenByAssertion(
            first.userId(), first.session().sessionId(), List.of("wallet:export"));
    assertThat(token.scopes()).containsExactly("wallet:export");
    assertThat(token.toString()).doesNotContain(token.elevatedAccessToken());
    ApiClient.Answer introspected =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token.elevatedAccessToken(), "scope", "wallet:export"));
    assertThat(introspected.text("sub")).isEqualTo(first.userId());
    assertThat(introspected.text("sid")).isEqualTo(first.session().sessionId());

    StepUpClient impostor =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .environment("demo")
            .assertionKey("java-backend", AssertionTokensIT.key())
            .build();
    assertThatThrownBy(
            () -> impostor.issueTokenByAssertion(first.userId(), null, List.of("wallet:export")))
        .isInstanceOfSatisfying(
            StepUpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.code()).isEqualTo("invalid_client_assertion");
            });
    assertThatThrownBy(() -> client.exchangeToken("not-a-jwt"))
        .isInstanceOfSatisfying(
            StepUpException.class, e -> assertThat(e.code()).isEqualTo("invalid_subject_token"));
  }
}
