package dev.stepup.domain.webhook;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One step-up event as a host receives it. It names what happened and to whom, never a token, code
 * or secret; {@code id} is unique, so a receiver that sees it twice (a retry) can ignore the
 * repeat.
 */
public record WebhookEvent(
    String id,
    WebhookEventType type,
    EnvironmentId environmentId,
    Instant occurredAt,
    Optional<UserId> userId,
    Set<Scope> scopes,
    Optional<VerificationMethod> method,
    Optional<String> reason) {

  public WebhookEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(userId, "userId");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reason, "reason");
  }

  /** The body POSTed to the host: compact JSON, keys in a fixed order. */
  public String toJson() {
    StringBuilder json = new StringBuilder(256).append('{');
    field(json, "id", id).append(',');
    field(json, "type", type.wire()).append(',');
    field(json, "environment", environmentId.value()).append(',');
    field(json, "occurred_at", occurredAt.toString());
    userId.ifPresent(u -> field(json.append(','), "user_id", u.value()));
    if (!scopes.isEmpty()) {
      json.append(",\"scopes\":[");
      String sep = "";
      for (String s : new TreeSet<>(scopes.stream().map(Scope::wire).toList())) {
        quote(json.append(sep), s);
        sep = ",";
      }
      json.append(']');
    }
    method.ifPresent(m -> field(json.append(','), "method", m.wire()));
    reason.ifPresent(r -> field(json.append(','), "reason", r));
    return json.append('}').toString();
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    return quote(quote(json, name).append(':'), value);
  }

  private static StringBuilder quote(StringBuilder json, String value) {
    json.append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
