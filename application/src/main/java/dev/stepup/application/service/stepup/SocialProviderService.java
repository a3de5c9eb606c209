package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** An environment's OpenID Connect providers, with their client secrets sealed at rest. */
public final class SocialProviderService implements ManageSocialProvidersUseCase {

  private final Environments environments;
  private final SocialProviders providers;
  private final SecretCipher cipher;
  private final Audit audit;

  public SocialProviderService(
      Environments environments,
      SocialProviders providers,
      SecretCipher cipher,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.providers = providers;
    this.cipher = cipher;
    this.audit = new Audit(auditTrail, clock);
  }

  @Override
  public void register(
      SocialProvider provider, String clientSecret, String actor, RequestOrigin origin) {
    if (clientSecret == null || clientSecret.isEmpty() || clientSecret.length() > 1024) {
      throw new IllegalArgumentException("provider client secret: 1-1024 characters");
    }
    environments
        .find(provider.environmentId())
        .orElseThrow(() -> new NotFoundException("environment", provider.environmentId()));
    providers.save(provider, cipher.encrypt(clientSecret.getBytes(StandardCharsets.UTF_8)));
    audit
        .event(AuditEventType.SOCIAL_PROVIDER_REGISTERED, provider.environmentId(), origin)
        .actor(actor)
        .success(provider.name());
  }

  @Override
  public List<SocialProvider> providers(EnvironmentId environmentId) {
    return providers.list(environmentId);
  }
}
