package dev.stepup.application.service.externalauth;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.externalauth.ExternalIdentityProviders;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import java.time.Clock;
import java.util.Optional;

/** The identity provider an environment trusts for token exchange, as admins set it. */
public final class ExternalIdentityProviderService
    implements ManageExternalIdentityProviderUseCase {

  private final Environments environments;
  private final ExternalIdentityProviders providers;
  private final Audit audit;

  public ExternalIdentityProviderService(
      Environments environments,
      ExternalIdentityProviders providers,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.providers = providers;
    this.audit = new Audit(auditTrail, clock);
  }

  @Override
  public Optional<ExternalIdentityProvider> provider(EnvironmentId environmentId) {
    return providers.find(environmentId);
  }

  @Override
  public void configure(ExternalIdentityProvider provider, String actor, RequestOrigin origin) {
    requireEnvironment(provider.environmentId());
    providers.save(provider);
    audit
        .event(AuditEventType.EXTERNAL_IDP_CONFIGURED, provider.environmentId(), origin)
        .actor(actor)
        .success(
            "issuer "
                + provider.issuer()
                + ", audience "
                + provider.audience()
                + ", keys "
                + provider.jwksUrl());
  }

  @Override
  public void remove(EnvironmentId environmentId, String actor, RequestOrigin origin) {
    requireEnvironment(environmentId);
    Optional<ExternalIdentityProvider> was = providers.find(environmentId);
    if (was.isEmpty()) {
      return;
    }
    providers.remove(environmentId);
    audit
        .event(AuditEventType.EXTERNAL_IDP_REMOVED, environmentId, origin)
        .actor(actor)
        .success("issuer " + was.get().issuer());
  }

  private void requireEnvironment(EnvironmentId id) {
    if (environments.find(id).isEmpty()) {
      throw new NotFoundException("environment", id);
    }
  }
}
