package dev.stepup.application.port.in.stepup;

import java.util.Objects;

/**
 * Start a login proving the user holds the provider account they want to link.
 *
 * @param redirectUri a path on this server or an address the environment allows
 * @param callbackUri this server's callback URL for the provider, as the provider knows it
 */
public record StartSocialLinkCommand(
    SessionContext context, String provider, String redirectUri, String callbackUri) {
  public StartSocialLinkCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(callbackUri, "callbackUri");
  }
}
