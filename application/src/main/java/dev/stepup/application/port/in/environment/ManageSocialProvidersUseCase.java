package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import java.util.List;

/** The OpenID Connect providers users of an environment may re-authenticate with. */
public interface ManageSocialProvidersUseCase {

  /**
   * Adds the provider, or replaces the one of the same name; the client secret is kept encrypted
   * and never shown again. Audited with the actor.
   */
  void register(SocialProvider provider, String clientSecret, String actor, RequestOrigin origin);

  List<SocialProvider> providers(EnvironmentId environmentId);
}
