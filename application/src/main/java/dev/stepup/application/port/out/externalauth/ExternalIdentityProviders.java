package dev.stepup.application.port.out.externalauth;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import java.util.Optional;

/** The identity provider each environment trusts for token exchange (at most one). */
public interface ExternalIdentityProviders {

  Optional<ExternalIdentityProvider> find(EnvironmentId environmentId);

  /** Inserts or replaces the environment's provider. */
  void save(ExternalIdentityProvider provider);

  /** Forgets the environment's provider; its users stay, with their identities. */
  void remove(EnvironmentId environmentId);
}
