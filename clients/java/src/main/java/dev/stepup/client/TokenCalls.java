package dev.stepup.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server's word on an elevated token: introspection (spending it, when asked) and revocation.
 */
final class TokenCalls {

  private final ApiTransport transport;
  private final String environmentPath;

  TokenCalls(ApiTransport transport, String environmentPath) {
    this.transport = transport;
    this.environmentPath = environmentPath;
  }

  /** {@code scope} and {@code operation} may be null (none named). */
  Introspection introspect(String token, String scope, boolean consume, Operation operation) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", Objects.requireNonNull(token, "token"));
    if (scope != null) {
      body.put("scope", scope);
    }
    body.put("consume", consume);
    if (operation != null) {
      body.put("operation", operation.body());
    }
    return Answers.introspection(
        transport.call("POST", environmentPath + "/elevated-tokens/introspect", body));
  }

  void revoke(String token) {
    transport.call("POST", environmentPath + "/elevated-tokens/revoke", Map.of("token", token));
  }
}
