package dev.stepup.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the server's JSON answers into the client's records. */
final class Answers {

  private Answers() {}

  static Introspection introspection(Map<String, Object> json) {
    if (!Json.bool(json, "active")) {
      return Introspection.inactive();
    }
    return new Introspection(
        true,
        Json.optionalString(json, "sub"),
        Json.optionalString(json, "sid"),
        Json.strings(json, "scopes"),
        Json.bool(json, "singleUse"),
        Json.instant(json, "expiresAt"),
        Json.strings(json, "amr"),
        Json.optionalString(json, "acr"),
        Json.number(json, "auth_time").map(Instant::ofEpochSecond),
        OperationBinding.of(json.get("operation")),
        Json.strings(json, "singleUseScopes"),
        Json.strings(json, "spentScopes"));
  }

  static PromptResult promptResult(Map<String, Object> json) {
    List<PromptResult.Token> tokens = new ArrayList<>();
    for (Map<String, Object> t : Json.objects(json, "tokens")) {
      tokens.add(
          new PromptResult.Token(
              Json.string(t, "elevatedAccessToken"),
              Json.strings(t, "scopes"),
              Json.bool(t, "singleUse"),
              Instant.parse(Json.string(t, "expiresAt"))));
    }
    return new PromptResult(
        Json.string(json, "promptId"),
        Json.string(json, "status"),
        Json.optionalString(json, "reason"),
        List.copyOf(tokens));
  }

  static User user(Map<String, Object> json) {
    List<User.Credential> credentials = new ArrayList<>();
    for (Map<String, Object> c : Json.objects(json, "credentials")) {
      credentials.add(
          new User.Credential(
              Json.string(c, "id"),
              Json.string(c, "format"),
              Json.optionalString(c, "type"),
              Json.optionalString(c, "alias")));
    }
    return new User(Json.string(json, "id"), List.copyOf(credentials), Json.bool(json, "mfa"));
  }
}
