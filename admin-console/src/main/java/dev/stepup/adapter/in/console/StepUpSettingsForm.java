package dev.stepup.adapter.in.console;

import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.InvalidScopeException;
import dev.stepup.domain.scope.Scope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;

/**
 * The settings form read into the settings it proposes. Its rows are the scopes the environment
 * knows now (built-ins and its own); a form cannot add a scope (that is the add form's job), and a
 * row it leaves out is off, as an unticked box was.
 */
final class StepUpSettingsForm {

  private StepUpSettingsForm() {}

  /**
   * @throws InvalidScopeException when a lifetime is not a whole number of minutes from 1 to 15
   */
  static StepUpSettings parse(MultiValueMap<String, String> form, StepUpSettings current) {
    boolean enabled = form.containsKey("enabled");
    Set<VerificationMethod> methods = EnumSet.noneOf(VerificationMethod.class);
    for (String wire : form.getOrDefault("method", List.of())) {
      methods.add(
          VerificationMethod.fromWire(wire)
              .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "method")));
    }
    Map<Scope, ProtectedAction> actions = new LinkedHashMap<>();
    for (ProtectedAction now : current.actions().values()) {
      Scope scope = now.scope();
      TokenUse use =
          "multi".equals(form.getFirst("use." + scope.wire())) ? TokenUse.MULTI : TokenUse.SINGLE;
      actions.put(
          scope,
          new ProtectedAction(scope, enforcement(form, scope), use, lifetime(form, now, use)));
    }
    return new StepUpSettings(enabled, methods, actions);
  }

  /**
   * The scope's Off / Monitor / Enforce choice; a form without it (the checkbox form before monitor
   * mode) means enforce when the scope's box is ticked, else off. An unknown value is refused.
   */
  private static Enforcement enforcement(MultiValueMap<String, String> form, Scope scope) {
    String chosen = form.getFirst("enforcement." + scope.wire());
    if (chosen == null) {
      return form.containsKey("protected." + scope.wire()) ? Enforcement.ENFORCE : Enforcement.OFF;
    }
    return Enforcement.fromWire(chosen)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "enforcement"));
  }

  /**
   * The minutes chosen; a form without them keeps the current lifetime, unless that was the default
   * of the current token use, which then follows the chosen use's default (5 or 10).
   */
  private static Duration lifetime(
      MultiValueMap<String, String> form, ProtectedAction now, TokenUse use) {
    Optional<Duration> chosen = minutes(form.getFirst("lifetime." + now.scope().wire()));
    if (chosen.isPresent()) {
      return chosen.get();
    }
    return now.lifetime().equals(now.tokenUse().lifetime()) ? use.lifetime() : now.lifetime();
  }

  /** Whole minutes as typed; anything else is a readable refusal. */
  static Optional<Duration> minutes(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofMinutes(Integer.parseInt(typed.strip())));
    } catch (NumberFormatException e) {
      throw new InvalidScopeException(
          "A token's lifetime is a whole number of minutes from 1 to 15.");
    }
  }
}
