package dev.stepup.domain.environment;

import dev.stepup.domain.method.AuthenticationPath;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.InvalidScopeException;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.scope.UnknownScopeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An environment's step-up configuration: whether step-up is on, which verification methods are
 * enabled, and the protected action of every scope it knows: the built-ins (always all of them) and
 * the host scopes its admins defined (at most {@value #MAX_HOST_SCOPES}). A scope not among them is
 * unknown here, whatever another environment defines.
 */
public record StepUpSettings(
    boolean enabled, Set<VerificationMethod> enabledMethods, Map<Scope, ProtectedAction> actions) {

  public StepUpSettings {
    Objects.requireNonNull(enabledMethods, "enabledMethods");
    Objects.requireNonNull(actions, "actions");
    Map<Scope, ProtectedAction> complete = new LinkedHashMap<>();
    for (Scope scope : Scope.builtIns()) {
      ProtectedAction action = actions.get(scope);
      complete.put(scope, action != null ? action : ProtectedAction.byDefault(scope));
    }
    Map<Scope, ProtectedAction> hosts = new TreeMap<>();
    actions.forEach(
        (scope, action) -> {
          if (!scope.isBuiltIn()) {
            hosts.put(scope, action);
          }
        });
    if (hosts.size() > MAX_HOST_SCOPES) {
      throw new InvalidScopeException(
          "An environment has at most " + MAX_HOST_SCOPES + " scopes of its own.");
    }
    complete.putAll(hosts);
    complete.forEach(
        (scope, action) -> {
          if (!action.scope().equals(scope)) {
            throw new IllegalArgumentException("action for " + scope + " names " + action.scope());
          }
        });
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

  /** How many scopes of its own an environment may define: bounds tokens' scope lists. */
  public static final int MAX_HOST_SCOPES = 50;

  /** How many scopes one request may name: every scope an environment can know. */
  public static final int MAX_SCOPES = 6 + MAX_HOST_SCOPES;

  /**
   * The rule for {@code scope}.
   *
   * @throws UnknownScopeException when this environment does not know the scope
   */
  public ProtectedAction action(Scope scope) {
    ProtectedAction action = actions.get(scope);
    if (action == null) {
      throw new UnknownScopeException(scope.wire(), actions.keySet());
    }
    return action;
  }

  /** Whether this environment knows {@code scope}: a built-in or one of its host scopes. */
  public boolean knows(Scope scope) {
    return actions.containsKey(scope);
  }

  /**
   * {@code scope} as this environment defines it, with the words a user reads (a host scope parsed
   * from a request carries none of its own).
   *
   * @throws UnknownScopeException when this environment does not know the scope
   */
  public Scope scope(Scope scope) {
    return action(scope).scope();
  }

  /**
   * Refuses {@code scopes} unless this environment knows every one.
   *
   * @throws UnknownScopeException naming the first unknown scope
   */
  public Set<Scope> requireKnown(Set<Scope> scopes) {
    scopes.forEach(this::action);
    return scopes;
  }

  /**
   * {@code scopes} as this environment defines them, with their words, in scope order.
   *
   * @throws UnknownScopeException naming the first scope this environment does not know
   */
  public Set<Scope> described(Set<Scope> scopes) {
    Set<Scope> defined = new TreeSet<>();
    scopes.forEach(s -> defined.add(scope(s)));
    return defined;
  }

  /** The host scopes its admins defined, by name. */
  public List<ProtectedAction> hostActions() {
    return actions.values().stream().filter(a -> !a.scope().isBuiltIn()).toList();
  }

  /**
   * How long a token for these scopes lives: the shortest lifetime among them, so a token never
   * outlives the strictest rule it carries.
   *
   * @throws UnknownScopeException when this environment does not know one of the scopes
   */
  public Duration lifetimeFor(Set<Scope> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("at least one scope is needed");
    }
    return scopes.stream().map(s -> action(s).lifetime()).min(Duration::compareTo).orElseThrow();
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

  /**
   * These settings with {@code action} replacing the rule of a scope they know.
   *
   * @throws UnknownScopeException when the scope is not known here: a host scope is added with
   *     {@link #withHostScope}
   */
  public StepUpSettings withAction(ProtectedAction action) {
    action(action.scope());
    Map<Scope, ProtectedAction> changed = new LinkedHashMap<>(actions);
    // Keep the defined scope (with its description) as the key and in the rule.
    Scope defined = scope(action.scope());
    changed.put(
        defined,
        new ProtectedAction(defined, action.enforcement(), action.tokenUse(), action.lifetime()));
    return new StepUpSettings(enabled, enabledMethods, changed);
  }

  /**
   * These settings with a new host scope ruled by {@code action}.
   *
   * @throws InvalidScopeException when the scope is a built-in or this environment already has it
   */
  public StepUpSettings withHostScope(ProtectedAction action) {
    if (action.scope().isBuiltIn()) {
      throw new InvalidScopeException("'" + action.scope() + "' is a built-in scope.");
    }
    if (knows(action.scope())) {
      throw new InvalidScopeException(
          "This environment already has a scope '" + action.scope() + "'.");
    }
    Map<Scope, ProtectedAction> changed = new LinkedHashMap<>(actions);
    changed.put(action.scope(), action);
    return new StepUpSettings(enabled, enabledMethods, changed);
  }

  /**
   * These settings without the host scope {@code scope}: its tokens are no longer issued, and a
   * protected action in it is refused as unknown.
   *
   * @throws InvalidScopeException when the scope is a built-in (built-ins are turned off instead)
   * @throws UnknownScopeException when this environment does not have the scope
   */
  public StepUpSettings withoutHostScope(Scope scope) {
    if (scope.isBuiltIn()) {
      throw new InvalidScopeException(
          "'" + scope + "' is a built-in scope: turn its step-up off instead of removing it.");
    }
    action(scope);
    Map<Scope, ProtectedAction> changed = new LinkedHashMap<>(actions);
    changed.remove(scope);
    return new StepUpSettings(enabled, enabledMethods, changed);
  }
}
