package dev.stepup.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one operation a token is bound to: as asked when issuing ({@link
 * StepUpClient#issueTokenByAssertion(String, String, java.util.List, OperationBinding)}) and as
 * introspection reports it. Any part may be null; each part given must match when the token is
 * spent.
 *
 * @param maxAmount the most the operation may move, a decimal as text, with {@code asset}
 */
public record OperationBinding(String resource, String digest, String maxAmount, String asset) {

  /** A binding to one resource. */
  public static OperationBinding to(String resource) {
    return new OperationBinding(resource, null, null, null);
  }

  /** The same binding, also to the message whose UTF-8 bytes will be signed or sent. */
  public OperationBinding message(String message) {
    return new OperationBinding(resource, Operation.sha256Hex(message), maxAmount, asset);
  }

  /** The same binding, moving at most {@code maxAmount} of {@code asset}. */
  public OperationBinding atMost(String maxAmount, String asset) {
    return new OperationBinding(resource, digest, maxAmount, asset);
  }

  Map<String, Object> body() {
    return json(resource, digest, "maxAmount", maxAmount, asset);
  }

  static Map<String, Object> json(
      String resource, String digest, String amountField, String value, String asset) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (resource != null) {
      body.put("resource", resource);
    }
    if (digest != null) {
      body.put("digest", digest);
    }
    if (value != null || asset != null) {
      Map<String, Object> amount = new LinkedHashMap<>();
      amount.put("value", value);
      amount.put("asset", asset);
      body.put(amountField, amount);
    }
    return body;
  }

  @SuppressWarnings("unchecked")
  static Optional<OperationBinding> of(Object json) {
    if (!(json instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, Object> m = (Map<String, Object>) map;
    Map<String, Object> cap =
        m.get("maxAmount") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
    return Optional.of(
        new OperationBinding(
            Json.optionalString(m, "resource").orElse(null),
            Json.optionalString(m, "digest").orElse(null),
            Json.optionalString(cap, "value").orElse(null),
            Json.optionalString(cap, "asset").orElse(null)));
  }
}
