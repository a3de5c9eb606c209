package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.delivery.DeliveryFailure.Kind;
import dev.stepup.application.port.out.webhook.WebhookPoster;
import dev.stepup.domain.webhook.WebhookEndpoint;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs signed webhooks with bounded connect and answer timeouts, never following a redirect. The
 * host name is resolved once and refused when any address is link-local (169.254.0.0/16 — cloud
 * metadata — or fe80::/10), AWS's fd00:ec2::254, unspecified or multicast, or loopback unless
 * development allows it: the server must not be a proxy into its own network's metadata services.
 * The POST then goes to exactly those checked addresses ({@link PinnedHttpPost}), so a name rebound
 * after the check (DNS rebinding) cannot steer it elsewhere.
 */
public final class HttpWebhookPoster implements WebhookPoster {

  /** Resolves a host name; a seam so tests can play a rebinding DNS server. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final InetAddress EC2_METADATA_V6 = metadataV6();

  private final PinnedHttpPost http;
  private final Resolver resolver;
  private final boolean allowLoopback;

  public HttpWebhookPoster(Duration connectTimeout, Duration readTimeout, boolean allowLoopback) {
    this(
        connectTimeout,
        readTimeout,
        allowLoopback,
        InetAddress::getAllByName,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  public HttpWebhookPoster(
      Duration connectTimeout,
      Duration readTimeout,
      boolean allowLoopback,
      Resolver resolver,
      SSLSocketFactory tls) {
    this.http = new PinnedHttpPost(connectTimeout, readTimeout, tls);
    this.resolver = resolver;
    this.allowLoopback = allowLoopback;
  }

  @Override
  public void post(
      WebhookEndpoint endpoint, String secret, String eventId, String body, Instant at) {
    URI uri = endpoint.uri();
    List<InetAddress> addresses = checkedAddresses(uri.getHost());
    long t = at.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "stepup-webhooks/1");
    headers.put(WebhookSignature.EVENT_ID_HEADER, eventId);
    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(t));
    headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(secret, t, body));
    int status = http.post(uri, addresses, headers, body);
    if (status / 100 != 2) {
      String redirect = status / 100 == 3 ? " (redirects are not followed)" : "";
      throw new MessageDeliveryException(
          Kind.RETRY, "the endpoint answered HTTP " + status + redirect, null);
    }
  }

  private List<InetAddress> checkedAddresses(String host) {
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new MessageDeliveryException(Kind.RETRY, "the endpoint's host is not known", null);
    }
    if (addresses == null || addresses.length == 0) {
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
    return List.of(addresses);
  }

  private static InetAddress metadataV6() {
    try {
      return Inet6Address.getByName("fd00:ec2::254");
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
