package dev.stepup.adapter.in.web.hosted;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the hosted pages of an environment live, built in one place. */
final class HostedPaths {

  private HostedPaths() {}

  static String base(EnvironmentId environmentId) {
    return "/hosted/" + environmentId.value();
  }

  static String signIn(EnvironmentId environmentId, String returnTo) {
    return base(environmentId) + "/sign-in?returnTo=" + encode(returnTo);
  }

  static String wallet(EnvironmentId environmentId) {
    return base(environmentId) + "/wallet";
  }

  static String account(EnvironmentId environmentId) {
    return base(environmentId) + "/account";
  }

  static String stepUp(EnvironmentId environmentId, Scope scope, String returnTo) {
    return base(environmentId)
        + "/step-up?scope="
        + encode(scope.wire())
        + "&returnTo="
        + encode(returnTo);
  }

  /** A host's prompt: where its step-up page returns to, and where it finishes. */
  static String prompt(EnvironmentId environmentId, String promptId) {
    return base(environmentId) + "/step-up/prompts/" + promptId;
  }

  /** What a prompt's browser cookie is scoped to: the step-up pages, nothing else. */
  static String stepUpBase(EnvironmentId environmentId) {
    return base(environmentId) + "/step-up";
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
