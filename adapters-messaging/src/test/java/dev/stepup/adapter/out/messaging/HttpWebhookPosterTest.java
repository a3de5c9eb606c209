package dev.stepup.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.domain.webhook.WebhookEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook POST: signed, bounded in time, never redirected, never to forbidden addresses. */
class HttpWebhookPosterTest {

  private static final Instant AT = Instant.ofEpochSecond(1_790_000_000L);
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> hosts = new CopyOnWriteArrayList<>();
  private final HttpServer host = server();
  private volatile long delayMillis;

  private HttpServer server() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext(
          "/hook",
          exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            received.add(
                exchange.getRequestHeaders().getFirst("Stepup-Signature")
                    + "|"
                    + new String(exchange.getRequestBody().readAllBytes()));
            try {
              Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      s.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    host.stop(0);
  }

  private WebhookEndpoint hook() {
    return new WebhookEndpoint(
        URI.create("http://127.0.0.1:" + host.getAddress().getPort() + "/hook"));
  }

  @Test
  void theBodyIsSignedOverTimestampDotBody() {
    new HttpWebhookPoster(Duration.ofSeconds(2), Duration.ofSeconds(2), true)
        .post(hook(), "whsec_test", "evt_1", "{\"id\":\"evt_1\"}", AT);
    assertThat(received)
        .containsExactly(
            WebhookSignature.header("whsec_test", AT.getEpochSecond(), "{\"id\":\"evt_1\"}")
                + "|{\"id\":\"evt_1\"}");
    assertThat(received.get(0)).startsWith("t=1790000000,v1=");
  }

  @Test
  void aLoopbackEndpointIsRefusedUnlessDevelopmentAllowsItAndNothingIsSent() {
    assertThatThrownBy(
            () ->
                new HttpWebhookPoster(Duration.ofSeconds(2), Duration.ofSeconds(2), false)
                    .post(hook(), "whsec_test", "evt_1", "{}", AT))
        .isInstanceOf(DeliveryFailure.class)
        .extracting(e -> ((DeliveryFailure) e).kind())
        .isEqualTo(DeliveryFailure.Kind.PERMANENT);
    assertThat(received).isEmpty();
  }

  @Test
  void aNameResolvingToALinkLocalAddressIsRefused() {
    WebhookEndpoint metadata = new WebhookEndpoint(URI.create("http://169.254.169.254/latest"));
    assertThatThrownBy(
            () ->
                new HttpWebhookPoster(Duration.ofSeconds(1), Duration.ofSeconds(1), true)
                    .post(metadata, "whsec_test", "evt_1", "{}", AT))
        .isInstanceOf(DeliveryFailure.class)
        .hasMessageContaining("may not reach");
  }

  @Test
  void aSlowEndpointTimesOutAndIsRetried() {
    delayMillis = 2_000;
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                new HttpWebhookPoster(Duration.ofSeconds(1), Duration.ofMillis(300), true)
                    .post(hook(), "whsec_test", "evt_1", "{}", AT))
        .isInstanceOf(DeliveryFailure.class)
        .extracting(e -> ((DeliveryFailure) e).kind())
        .isEqualTo(DeliveryFailure.Kind.RETRY);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
  }

  /** A DNS server an attacker controls: each lookup of the name answers the next address. */
  private static HttpWebhookPoster.Resolver rebinding(AtomicInteger lookups, String... answers) {
    return host -> {
      if (!host.equals("hooks.attacker.test")) {
        throw new UnknownHostException(host);
      }
      int n = Math.min(lookups.getAndIncrement(), answers.length - 1);
      return new InetAddress[] {InetAddress.getByName(answers[n])};
    };
  }

  private HttpWebhookPoster poster(boolean allowLoopback, HttpWebhookPoster.Resolver resolver) {
    return new HttpWebhookPoster(
        Duration.ofMillis(500),
        Duration.ofSeconds(2),
        allowLoopback,
        resolver,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  private WebhookEndpoint attackerHook() {
    return new WebhookEndpoint(
        URI.create("http://hooks.attacker.test:" + host.getAddress().getPort() + "/hook"));
  }

  @Test
  void theRequestGoesToTheAddressThatWasCheckedWithTheUrlsHostName() {
    AtomicInteger lookups = new AtomicInteger();

    poster(true, rebinding(lookups, "127.0.0.1"))
        .post(attackerHook(), "whsec_test", "evt_1", "{\"id\":\"evt_1\"}", AT);

    assertThat(received).hasSize(1);
    assertThat(hosts).containsExactly("hooks.attacker.test:" + host.getAddress().getPort());
    assertThat(lookups).hasValue(1);
  }

  @Test
  void aNameReboundToLoopbackAfterTheCheckNeverReachesLoopback() {
    AtomicInteger lookups = new AtomicInteger();
    // Checked: a public (documentation) address; any later lookup: the server's own loopback.
    HttpWebhookPoster poster = poster(false, rebinding(lookups, "192.0.2.10", "127.0.0.1"));

    assertThatThrownBy(() -> poster.post(attackerHook(), "whsec_test", "evt_1", "{}", AT))
        .isInstanceOf(DeliveryFailure.class)
        .extracting(e -> ((DeliveryFailure) e).kind())
        .isEqualTo(DeliveryFailure.Kind.RETRY);
    assertThat(received).isEmpty();
    assertThat(lookups).hasValue(1);
  }

  @Test
  void aNameResolvingToLoopbackAtSendTimeIsRefusedForGood() {
    AtomicInteger lookups = new AtomicInteger();

    assertThatThrownBy(
            () ->
                poster(false, rebinding(lookups, "127.0.0.1"))
                    .post(attackerHook(), "whsec_test", "evt_1", "{}", AT))
        .isInstanceOf(DeliveryFailure.class)
        .extracting(e -> ((DeliveryFailure) e).kind())
        .isEqualTo(DeliveryFailure.Kind.PERMANENT);
    assertThat(received).isEmpty();
  }
}
