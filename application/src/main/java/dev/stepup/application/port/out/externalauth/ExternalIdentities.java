package dev.stepup.application.port.out.externalauth;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentity;
import java.util.Optional;

/** Which user each external (issuer, subject) is, per environment. */
public interface ExternalIdentities {

  Optional<ExternalIdentity> find(EnvironmentId environmentId, String issuer, String subject);

  /**
   * Records the identity; refuses (with an exception, rolling back the caller's transaction) an
   * (environment, issuer, subject) that is already someone's.
   */
  void link(ExternalIdentity identity);
}
