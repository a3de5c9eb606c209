package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.api.view.WireScopes;
import dev.stepup.application.port.in.prompt.FinishPromptUseCase.PromptOutcome;
import dev.stepup.application.port.in.prompt.PromptToken;
import dev.stepup.domain.prompt.PromptStatus;
import dev.stepup.domain.prompt.PromptTarget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a finished prompt's outcome back: to a popup's opener by {@code postMessage}, on its one
 * registered origin (a page whose script posts it and closes the window), or to the host's return
 * address with the one-time result code and the status, never a token.
 */
@Component
class PromptOutcomePages {

  static final String RESULT_PAGE = "hosted/prompt/result";

  private final JsonMapper json;

  PromptOutcomePages(JsonMapper json) {
    this.json = json;
  }

  String deliver(
      PromptOutcome outcome,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    HostedPages.noStore(response);
    if (outcome.target() instanceof PromptTarget.Redirect redirect) {
      return HostedPages.redirect(
          request,
          response,
          redirect.with(outcome.resultCode().orElseThrow(), outcome.status().wire()));
    }
    PromptTarget.Popup popup = (PromptTarget.Popup) outcome.target();
    model.addAttribute("origin", popup.origin());
    model.addAttribute("result", json.writeValueAsString(message(outcome)));
    model.addAttribute("status", outcome.status().wire());
    model.addAttribute("heading", heading(outcome.status()));
    return RESULT_PAGE;
  }

  /** {@code {type: "stepup:result", status, tokens | reason}}, what the opener receives. */
  static Map<String, Object> message(PromptOutcome outcome) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "stepup:result");
    message.put("status", outcome.status().wire());
    if (outcome.status() == PromptStatus.SUCCESS) {
      message.put("tokens", outcome.tokens().stream().map(PromptOutcomePages::token).toList());
    }
    outcome.failureReason().ifPresent(r -> message.put("reason", r));
    return message;
  }

  private static Map<String, Object> token(PromptToken t) {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("elevatedAccessToken", t.elevatedAccessToken());
    token.put("scopes", List.copyOf(WireScopes.of(t.scopes())));
    token.put("singleUse", t.singleUse());
    token.put("expiresAt", t.expiresAt().toString());
    return token;
  }

  private static String heading(PromptStatus status) {
    return switch (status) {
      case SUCCESS -> "Confirmed";
      case CANCELLED -> "Cancelled";
      case FAILED -> "We could not confirm it’s you";
      case PENDING -> "Confirm it’s you";
    };
  }
}
