package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.scope.Scope;
import java.util.Objects;
import java.util.Set;

/**
 * Start a step-up login at a social provider.
 *
 * @param redirectUri where the outcome goes: a path on this server or an address the environment
 *     allows
 * @param callbackUri this server's callback URL for the provider, as the provider knows it
 */
public record StartSocialStepUpCommand(
    SessionContext context,
    String provider,
    Set<Scope> scopes,
    String redirectUri,
    String callbackUri) {
  public StartSocialStepUpCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(scopes, "scopes");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("requestedScopes: name at least one scope");
    }
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(callbackUri, "callbackUri");
  }
}
