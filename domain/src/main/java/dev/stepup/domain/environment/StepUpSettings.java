package dev.stepup.domain.environment;

import dev.stepup.domain.method.AuthenticationPath;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An environment's step-up configuration: whether step-up is on, which verification methods are
 * enabled, and the protected action of every scope.
 */
public record StepUpSettings(
    boolean enabled, Set<VerificationMethod> enabledMethods, Map<Scope, ProtectedAction> actions) {

  public StepUpSettings {
    Objects.requireNonNull(enabledMethods, "enabledMethods");
    Objects.requireNonNull(actions, "actions");
    EnumMap<Scope, ProtectedAction> complete = new EnumMap<>(Scope.class);
    for (Scope scope : Scope.values()) {
      ProtectedAction action = actions.get(scope);
      if (action != null && action.scope() != scope) {
        throw new IllegalArgumentException("action for " + scope + " names " + action.scope());
      }
      complete.put(scope, action != null ? action : ProtectedAction.byDefault(scope));
    }
    enabledMethods =
        Collections.unmodifiableSet(
            enabledMethods.isEmpty()
                ? EnumSet.noneOf(VerificationMethod.class)
                : EnumSet.copyOf(enabledMethods));
    actions = Collections.unmodifiableMap(complete);
  }

  /** What a new environment starts with: step-up on, every method on, every scope protected. */
  public static StepUpSettings defaults() {
    return new StepUpSettings(true, EnumSet.allOf(VerificationMethod.class), Map.of());
  }

  public ProtectedAction action(Scope scope) {
    return actions.get(scope);
  }

  /** Whether an action in this scope needs an elevated token: step-up on and the scope enforced. */
  public boolean requiresStepUp(Scope scope) {
    return enabled && action(scope).isProtected();
  }

  /**
   * Whether an action in this scope goes through without a token but is counted as one that would
   * have needed step-up: step-up on and the scope in monitor mode.
   */
  public boolean monitors(Scope scope) {
    return enabled && action(scope).isMonitored();
  }

  /** These settings with {@code scope} enforced: what enforcing would ask of a user. */
  public StepUpSettings enforcing(Scope scope) {
    return withAction(action(scope).withEnforcement(Enforcement.ENFORCE));
  }

  public boolean isEnabled(VerificationMethod method) {
    return enabledMethods.contains(method);
  }

  /**
   * How tokens for these scopes may be used: single-use when any scope is configured single-use, so
   * a token never outlives the strictest rule it carries.
   */
  public TokenUse tokenUseFor(Set<Scope> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("at least one scope is needed");
    }
    return scopes.stream().anyMatch(s -> action(s).tokenUse() == TokenUse.SINGLE)
        ? TokenUse.SINGLE
        : TokenUse.MULTI;
  }

  /** Reasons these settings would lock users out or make no sense; empty when they are coherent. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (enabled && enabledMethods.isEmpty()) {
      problems.add("Step-up is on but no verification method is enabled: nobody could step up.");
    }
    if (enabled
        && !enabledMethods.isEmpty()
        && enabledMethods.stream().noneMatch(m -> m.path() == AuthenticationPath.REAUTH)) {
      problems.add(
          "Only MFA methods are enabled: users without a passkey or TOTP device could never"
              + " step up. Enable at least one re-authentication method.");
    }
    if (enabledMethods.contains(VerificationMethod.RECOVERY_CODE)
        && !enabledMethods.contains(VerificationMethod.PASSKEY)
        && !enabledMethods.contains(VerificationMethod.TOTP)) {
      problems.add("Recovery codes are an MFA fallback: enable passkeys or TOTP with them.");
    }
    return List.copyOf(problems);
  }

  public StepUpSettings withEnabled(boolean on) {
    return new StepUpSettings(on, enabledMethods, actions);
  }

  public StepUpSettings withMethod(VerificationMethod method, boolean on) {
    EnumSet<VerificationMethod> methods = EnumSet.noneOf(VerificationMethod.class);
    methods.addAll(enabledMethods);
    if (on) {
      methods.add(method);
    } else {
      methods.remove(method);
    }
    return new StepUpSettings(enabled, methods, actions);
  }

  public StepUpSettings withAction(ProtectedAction action) {
    EnumMap<Scope, ProtectedAction> changed = new EnumMap<>(actions);
    changed.put(action.scope(), action);
    return new StepUpSettings(enabled, enabledMethods, changed);
  }
}
