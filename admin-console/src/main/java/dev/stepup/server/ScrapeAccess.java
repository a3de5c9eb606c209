package dev.stepup.server;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read {@code /actuator/prometheus}. The counts tell an outsider how the server is used, so
 * the endpoint is never public on the main port: a scraper presents the configured scrape token as
 * a bearer token, or — when no token is configured — reaches the endpoint on a separate management
 * port that the operator keeps off the public network.
 */
final class ScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private final byte[] tokenDigest;
  private final boolean separatePort;

  /**
   * @param token the scrape token, or null
   * @param separatePort whether actuator endpoints have a port of their own (only then does a
   *     request for the endpoint reach this check on that port, not the main one)
   */
  ScrapeAccess(String token, boolean separatePort) {
    this.tokenDigest = token == null ? null : digest(token);
    this.separatePort = separatePort;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    return new AuthorizationDecision(allows(context.getRequest()));
  }

  boolean allows(HttpServletRequest request) {
    if (tokenDigest == null) {
      return separatePort;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // Digests of equal length, compared in constant time.
    return MessageDigest.isEqual(tokenDigest, digest(header.substring(7).strip()));
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
