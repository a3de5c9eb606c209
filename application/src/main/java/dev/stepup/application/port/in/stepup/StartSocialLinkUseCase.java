package dev.stepup.application.port.in.stepup;

import java.net.URI;

/**
 * Starts a social login whose completed {@code loginId} a {@code credential:link} call then links;
 * answers the provider URL to send the browser to.
 */
public interface StartSocialLinkUseCase {

  URI start(StartSocialLinkCommand command);
}
