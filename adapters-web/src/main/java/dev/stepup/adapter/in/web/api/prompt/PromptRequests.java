package dev.stepup.adapter.in.web.api.prompt;

import dev.stepup.adapter.in.web.api.error.ApiException;
import dev.stepup.domain.prompt.PromptMode;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.scope.Scope;
import java.util.List;
import java.util.Set;

/** Reads the fields every prompt request shares: scopes, mode, and exactly one target. */
final class PromptRequests {

  private PromptRequests() {}

  static Set<Scope> scopes(List<String> scopes) {
    return Scope.parseAll(scopes);
  }

  static PromptMode mode(String mode) {
    if (mode == null || mode.isBlank()) {
      return PromptMode.ANY;
    }
    return PromptMode.fromWire(mode)
        .orElseThrow(() -> ApiException.invalid("mode: one of any, mfa, reauth"));
  }

  static PromptTarget target(String returnTo, String origin) {
    boolean redirect = returnTo != null && !returnTo.isBlank();
    boolean popup = origin != null && !origin.isBlank();
    if (redirect == popup) {
      throw ApiException.invalid(
          "give either returnTo (redirect mode) or origin (popup mode), not both");
    }
    if (redirect) {
      return new PromptTarget.Redirect(returnTo.strip());
    }
    return new PromptTarget.Popup(
        PromptTarget.Popup.normalised(origin)
            .orElseThrow(
                () -> ApiException.invalid("origin: scheme://host[:port], without a path")));
  }
}
