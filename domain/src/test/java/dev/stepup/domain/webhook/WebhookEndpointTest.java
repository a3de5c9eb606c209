package dev.stepup.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

  @Test
  void anHttpsUrlIsAccepted() {
    assertThat(WebhookEndpoint.parse(" https://host.example/in?x=1 ", false).toString())
        .isEqualTo("https://host.example/in?x=1");
  }

  @Test
  void plainHttpIsRefusedExceptOnLoopbackInDevelopment() {
    assertThatThrownBy(() -> WebhookEndpoint.parse("http://host.example/in", true))
        .hasMessageContaining("https");
    assertThatThrownBy(() -> WebhookEndpoint.parse("http://localhost:9000/in", false))
        .hasMessageContaining("development");
    assertThatThrownBy(() -> WebhookEndpoint.parse("https://127.0.0.1/in", false))
        .hasMessageContaining("development");
    assertThat(WebhookEndpoint.parse("http://localhost:9000/in", true).uri().getPort())
        .isEqualTo(9000);
  }

  @Test
  void linkLocalAndMetadataAddressesAreRefusedEvenInDevelopment() {
    for (String url :
        new String[] {
          "https://169.254.169.254/latest/meta-data",
          "http://169.254.170.2/v2/credentials",
          "https://[fd00:ec2::254]/",
          "https://[fe80::1]/"
        }) {
      assertThatThrownBy(() -> WebhookEndpoint.parse(url, true))
          .as(url)
          .hasMessageContaining("link-local");
    }
  }

  @Test
  void userInfoFragmentsRelativeAndOtherSchemesAreRefused() {
    for (String url :
        new String[] {
          "https://u:p@host.example/", "https://host.example/#x", "/relative", "ftp://host.example/"
        }) {
      assertThatThrownBy(() -> WebhookEndpoint.parse(url, true))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theEventIsCompactJsonWithEscapedValuesAndNoEmptyFields() {
    WebhookEvent event =
        new WebhookEvent(
            "evt_1",
            WebhookEventType.TOKEN_ISSUED,
            new EnvironmentId("demo"),
            Instant.parse("2026-12-01T10:00:00Z"),
            Optional.of(new UserId("usr_\"x")),
            Set.of(Scope.WALLET_SIGN, Scope.WALLET_EXPORT),
            Optional.of(VerificationMethod.TOTP),
            Optional.empty());
    assertThat(event.toJson())
        .isEqualTo(
            "{\"id\":\"evt_1\",\"type\":\"token.issued\",\"environment\":\"demo\","
                + "\"occurred_at\":\"2026-12-01T10:00:00Z\",\"user_id\":\"usr_\\\"x\","
                + "\"scopes\":[\"wallet:export\",\"wallet:sign\"],\"method\":\"totp\"}");
  }
}
