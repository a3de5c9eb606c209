package dev.stepup.adapter.in.web.api.prompt;

import dev.stepup.adapter.in.web.api.view.WireScopes;
import dev.stepup.application.port.in.prompt.ExchangeResultCodeUseCase;
import dev.stepup.application.port.in.prompt.PromptToken;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a result code is exchanged for: the prompt's outcome and, on success, its tokens. */
record PromptResultResponse(
    String promptId,
    @Schema(allowableValues = {"success", "cancelled", "failed"}) String status,
    @Schema(description = "why it failed, e.g. mfa_not_enrolled, reauth_not_allowed")
        Optional<String> reason,
    List<Token> tokens) {

  /** An elevated token and what it covers. */
  record Token(
      String elevatedAccessToken, List<String> scopes, boolean singleUse, Instant expiresAt) {
    static Token of(PromptToken t) {
      return new Token(
          t.elevatedAccessToken(), WireScopes.of(t.scopes()), t.singleUse(), t.expiresAt());
    }

    @Override
    public String toString() {
      return "Token[scopes=" + scopes + "]";
    }
  }

  static PromptResultResponse of(ExchangeResultCodeUseCase.PromptResult result) {
    return new PromptResultResponse(
        result.promptId().value(),
        result.status().wire(),
        result.failureReason(),
        result.tokens().stream().map(Token::of).toList());
  }
}
