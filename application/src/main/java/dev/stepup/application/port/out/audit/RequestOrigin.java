package dev.stepup.application.port.out.audit;

import java.util.Objects;

/** Where a request came from, as far as the server can tell; audited with every event. */
public record RequestOrigin(String clientIp, String userAgent) {
  private static final int MAX_USER_AGENT = 512;

  public RequestOrigin {
    clientIp = Objects.requireNonNullElse(clientIp, "");
    userAgent = Objects.requireNonNullElse(userAgent, "");
    if (userAgent.length() > MAX_USER_AGENT) {
      userAgent = userAgent.substring(0, MAX_USER_AGENT);
    }
  }

  /** For work the server starts itself (bootstrap, scheduled jobs). */
  public static RequestOrigin internal() {
    return new RequestOrigin("", "server");
  }
}
