package dev.stepup.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.domain.environment.EnvironmentId;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local stub of an SMS provider's HTTP API. */
class HttpSmsGatewayTest {

  record Received(String authorization, String contentType, String body) {}

  HttpServer server;
  final List<Received> received = new ArrayList<>();
  volatile int status = 202;

  @BeforeEach
  void startStub() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/messages",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopStub() {
    server.stop(0);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
  }

  @Test
  void postsTheTextAsJsonWithABearerToken() {
    new HttpSmsGateway(new HttpSmsGateway.Settings(url(), "gw-token", null, null))
        .send(new EnvironmentId("demo"), "+14155550123", "Your code is 123456.");
    assertThat(received).hasSize(1);
    assertThat(received.get(0).authorization()).isEqualTo("Bearer gw-token");
    assertThat(received.get(0).contentType()).isEqualTo("application/json");
    assertThat(received.get(0).body())
        .isEqualTo(
            "{\"to\":\"+14155550123\",\"text\":\"Your code is 123456.\",\"environment\":\"demo\"}");
  }

  @Test
  void usesBasicCredentialsWhenGiven() {
    new HttpSmsGateway(new HttpSmsGateway.Settings(url(), null, "acct", "s3cret"))
        .send(new EnvironmentId("demo"), "+14155550123", "hi");
    assertThat(received.get(0).authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("acct:s3cret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aGatewayErrorFailsWithTheStatusButNotTheText() {
    status = 500;
    assertThatThrownBy(
            () ->
                new HttpSmsGateway(new HttpSmsGateway.Settings(url(), null, null, null))
                    .send(new EnvironmentId("demo"), "+14155550123", "Your code is 555111."))
        .isInstanceOf(MessageDeliveryException.class)
        .hasMessageContaining("500")
        .satisfies(e -> assertThat(SmtpEmailSenderTest.stackText(e)).doesNotContain("555111"));
  }

  @Test
  void aBusyGatewayIsTriedAgainButARefusalOrAnUnreachableGatewayIsTold() {
    HttpSmsGateway gateway =
        new HttpSmsGateway(new HttpSmsGateway.Settings(url(), null, null, null));
    status = 503;
    assertThatThrownBy(() -> gateway.send(new EnvironmentId("demo"), "+14155550123", "hi"))
        .isInstanceOfSatisfying(
            MessageDeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(DeliveryFailure.Kind.RETRY));
    status = 400;
    assertThatThrownBy(() -> gateway.send(new EnvironmentId("demo"), "+14155550123", "hi"))
        .isInstanceOfSatisfying(
            MessageDeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT));
    server.stop(0);
    assertThatThrownBy(() -> gateway.send(new EnvironmentId("demo"), "+14155550123", "hi"))
        .isInstanceOfSatisfying(
            MessageDeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(DeliveryFailure.Kind.RETRY));
  }
}
