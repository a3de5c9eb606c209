package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.delivery.DeliveryFailure.Kind;
import dev.stepup.application.port.out.webhook.WebhookPoster;
import dev.stepup.domain.webhook.WebhookEndpoint;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * POSTs signed webhooks with bounded connect and answer timeouts, never following a redirect. The
 * host name is resolved first and refused when any address is link-local (169.254.0.0/16 — cloud
 * metadata — or fe80::/10), AWS's fd00:ec2::254, unspecified or multicast, or loopback unless
 * development allows it: the server must not be a proxy into its own network's metadata services.
 */
public final class HttpWebhookPoster implements WebhookPoster {

  private static final InetAddress EC2_METADATA_V6 = metadataV6();

  private final HttpClient http;
  private final Duration readTimeout;
  private final boolean allowLoopback;

  public HttpWebhookPoster(Duration connectTimeout, Duration readTimeout, boolean allowLoopback) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = readTimeout;
    this.allowLoopback = allowLoopback;
  }

  @Override
  public void post(
      WebhookEndpoint endpoint, String secret, String eventId, String body, Instant at) {
    URI uri = endpoint.uri();
    refuseForbiddenAddresses(uri.getHost());
    long t = at.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(readTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "stepup-webhooks/1")
            .header(WebhookSignature.EVENT_ID_HEADER, eventId)
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(t))
            .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(secret, t, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      throw new MessageDeliveryException(Kind.RETRY, "the endpoint did not answer in time", e);
    } catch (IOException e) {
      throw new MessageDeliveryException(Kind.RETRY, "the endpoint could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MessageDeliveryException(Kind.RETRY, "interrupted while posting a webhook", e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      String redirect = status / 100 == 3 ? " (redirects are not followed)" : "";
      throw new MessageDeliveryException(
          Kind.RETRY, "the endpoint answered HTTP " + status + redirect, null);
    }
  }

  private void refuseForbiddenAddresses(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new MessageDeliveryException(Kind.RETRY, "the endpoint's host is not known", null);
    }
    for (InetAddress a : addresses) {
      boolean forbidden =
          a.isLinkLocalAddress()
              || a.isAnyLocalAddress()
              || a.isMulticastAddress()
              || a.equals(EC2_METADATA_V6)
              || (a.isLoopbackAddress() && !allowLoopback);
      if (forbidden) {
        throw new MessageDeliveryException(
            Kind.PERMANENT, "the endpoint resolves to an address webhooks may not reach", null);
      }
    }
  }

  private static InetAddress metadataV6() {
    try {
      return Inet6Address.getByName("fd00:ec2::254");
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
