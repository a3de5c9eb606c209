package dev.stepup.domain.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an environment's webhooks are POSTed: an absolute {@code https} URL without user info or
 * fragment; {@code http} only on a loopback host, and only where the server allows loopback
 * endpoints (development). Literal link-local and cloud metadata addresses are refused here; names
 * that resolve to them are refused again when sending.
 */
public record WebhookEndpoint(URI uri) {

  public static final int MAX_LENGTH = 255;

  public WebhookEndpoint {
    Objects.requireNonNull(uri, "uri");
  }

  /**
   * @throws IllegalArgumentException saying why the URL cannot receive webhooks
   */
  public static WebhookEndpoint parse(String text, boolean allowLoopback) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the endpoint must be a URL of at most 255 characters");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the endpoint is not a URL: " + trimmed);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || host.isEmpty() || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the endpoint must be https://host/path, without user info");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the endpoint must not have a #fragment");
    }
    if (isMetadataOrLinkLocal(host)) {
      throw new IllegalArgumentException(
          "the endpoint must not be a link-local or metadata address");
    }
    boolean loopback = isLoopbackName(host);
    if (loopback && !allowLoopback) {
      throw new IllegalArgumentException("loopback endpoints are allowed only in development");
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new IllegalArgumentException("the endpoint must use https");
    }
    return new WebhookEndpoint(uri);
  }

  /** {@code localhost} or a literal loopback address. */
  public static boolean isLoopbackName(String host) {
    String h = unbracket(host);
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.startsWith("127.")
        || h.equals("::1");
  }

  /** A literal 169.254.0.0/16, fe80::/10 or AWS's IPv6 metadata address fd00:ec2::254. */
  public static boolean isMetadataOrLinkLocal(String host) {
    String h = unbracket(host);
    return h.startsWith("169.254.")
        || h.startsWith("fe8")
        || h.startsWith("fe9")
        || h.startsWith("fea")
        || h.startsWith("feb")
        || h.replace(":0:", "::").startsWith("fd00:ec2::254");
  }

  private static String unbracket(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
