package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.Credential;
import java.util.Optional;

/**
 * Links a social account after its owner completed a login with it (see {@link
 * dev.stepup.application.port.in.stepup.StartSocialLinkUseCase}); the link itself needs a {@code
 * credential:link} token.
 */
public interface LinkSocialAccountUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException when the login is not this session's,
   *     not completed, already linked or expired, the account is linked elsewhere, or the token is
   *     missing or spent
   */
  Credential link(SessionContext context, String loginId, Optional<String> elevatedToken);
}
