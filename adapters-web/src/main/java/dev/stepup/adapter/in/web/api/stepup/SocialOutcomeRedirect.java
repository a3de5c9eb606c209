package dev.stepup.adapter.in.web.api.stepup;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stepup.adapter.in.web.api.error.ProblemWords;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase.Outcome;
import dev.stepup.domain.scope.Scope;
import java.net.URI;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the browser goes after a social login: the login's redirect URI with the outcome in its
 * fragment, which browsers keep out of requests and server logs.
 */
final class SocialOutcomeRedirect {

  private SocialOutcomeRedirect() {}

  /**
   * {@code outcome=success} with the token or the {@code loginId}, or {@code outcome=error} with a
   * {@code code} and {@code message}.
   */
  static URI of(Outcome outcome) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("outcome", outcome.refusal().isPresent() ? "error" : "success");
    outcome
        .refusal()
        .ifPresent(
            r -> {
              values.put("code", r.refusal().code());
              values.put("message", ProblemWords.detail(r));
            });
    outcome
        .token()
        .ifPresent(
            t -> {
              values.put("elevatedAccessToken", t.elevatedAccessToken());
              values.put("tokenId", t.tokenId().value());
              values.put(
                  "scopes",
                  t.scopes().stream().map(Scope::wire).sorted().collect(Collectors.joining(" ")));
              values.put("singleUse", Boolean.toString(t.singleUse()));
              values.put("expiresAt", t.expiresAt().toString());
            });
    outcome.loginId().ifPresent(id -> values.put("loginId", id));
    return URI.create(
        outcome.redirectUri()
            + "#"
            + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&")));
  }
}
