package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.stepup.application.port.in.externalauth.ManageBackendClientsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.client.Introspection;
import dev.stepup.client.IssuedToken;
import dev.stepup.client.NewUser;
import dev.stepup.client.Operation;
import dev.stepup.client.OperationBinding;
import dev.stepup.client.StepUpClient;
import dev.stepup.client.StepUpException;
import dev.stepup.client.User;
import dev.stepup.client.VerifiedToken;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The Java client binds the tokens it issues by assertion to one operation, names the operation
 * when it consumes a token, and checks a multi-use token's binding offline as the server would.
 */
class JavaClientBindingIT extends ApiTestServer {

  @Autowired ManageBackendClientsUseCase clients;

  @Value("${stepup.issuer}")
  String issuer;

  private StepUpClient bindingClient() {
    ECKey key = AssertionTokensIT.key();
    String clientId = "binding-" + UUID.randomUUID().toString().substring(0, 8);
    clients.register(
        new EnvironmentId("demo"),
        clientId,
        new JWKSet(key.toPublicJWK()).toString(),
        "test",
        new RequestOrigin("127.0.0.1", "java client test"));
    return StepUpClient.builder()
        .baseUrl("http://localhost:" + port)
        .issuer(issuer)
        .environment("demo")
        .apiKey(API_KEY)
        .assertionKey(clientId, key)
        .build();
  }

  private static void refusedAsMismatch(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StepUpException.class,
            e -> {
              assertThat(e.code()).isEqualTo("operation_mismatch");
              assertThat(e.status()).isEqualTo(403);
            });
  }

  @Test
  void aBoundSingleUseTokenIsConsumedOnlyForItsOperation() {
    StepUpClient client = bindingClient();
    User user =
        client.createUser(
            NewUser.withEmail("b" + UUID.randomUUID().toString().substring(0, 10) + "@x.test"));
    OperationBinding binding = OperationBinding.to("acct_1").message("pay #1").atMost("10", "EUR");
    IssuedToken token =
        client.issueTokenByAssertion(user.id(), null, List.of("wallet:export"), binding);

    Operation other = Operation.on("acct_1").message("pay #2").moving("10", "EUR");
    refusedAsMismatch(() -> client.consume(token.elevatedAccessToken(), "wallet:export", other));
    refusedAsMismatch(() -> client.consume(token.elevatedAccessToken(), "wallet:export"));
    refusedAsMismatch(
        () ->
            client.consume(
                token.elevatedAccessToken(),
                "wallet:export",
                Operation.on("acct_1").message("pay #1").moving("10.01", "EUR")));

    Introspection spent =
        client.consume(
            token.elevatedAccessToken(),
            "wallet:export",
            Operation.on("acct_1").message("pay #1").moving("9.99", "EUR"));
    assertThat(spent.active()).isTrue();
    assertThat(spent.operation()).contains(binding);
    assertThat(
            client
                .consume(
                    token.elevatedAccessToken(),
                    "wallet:export",
                    Operation.on("acct_1").message("pay #1").moving("9.99", "EUR"))
                .active())
        .isFalse();
  }

  @Test
  void aBoundMultiUseTokenVerifiesOfflineForItsOperationOnly() {
    StepUpClient client = bindingClient();
    User user =
        client.createUser(
            NewUser.withEmail("m" + UUID.randomUUID().toString().substring(0, 10) + "@x.test"));
    IssuedToken token =
        client.issueTokenByAssertion(
            user.id(), null, List.of("wallet:sign"), OperationBinding.to("wal_9"));
    assertThat(token.singleUse()).isFalse();

    VerifiedToken verified =
        client.verify(token.elevatedAccessToken(), "wallet:sign", Operation.on("wal_9"));
    assertThat(verified.operation()).contains(OperationBinding.to("wal_9"));
    refusedAsMismatch(
        () -> client.verify(token.elevatedAccessToken(), "wallet:sign", Operation.on("wal_8")));
    refusedAsMismatch(() -> client.verify(token.elevatedAccessToken(), "wallet:sign"));
  }
}
