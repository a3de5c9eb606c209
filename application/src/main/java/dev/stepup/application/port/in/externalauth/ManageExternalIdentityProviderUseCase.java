package dev.stepup.application.port.in.externalauth;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import java.util.Optional;

/** The identity provider an environment trusts for token exchange, set by an admin; audited. */
public interface ManageExternalIdentityProviderUseCase {

  Optional<ExternalIdentityProvider> provider(EnvironmentId environmentId);

  void configure(ExternalIdentityProvider provider, String actor, RequestOrigin origin);

  void remove(EnvironmentId environmentId, String actor, RequestOrigin origin);
}
