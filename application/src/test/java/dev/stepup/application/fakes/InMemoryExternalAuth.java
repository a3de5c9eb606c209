package dev.stepup.application.fakes;

import dev.stepup.application.port.out.externalauth.ExternalIdentities;
import dev.stepup.application.port.out.externalauth.ExternalIdentityProviders;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentity;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** External identity providers and identities in memory. */
public final class InMemoryExternalAuth implements ExternalIdentityProviders, ExternalIdentities {

  private final Map<EnvironmentId, ExternalIdentityProvider> providers = new ConcurrentHashMap<>();
  private final Map<List<String>, ExternalIdentity> identities = new ConcurrentHashMap<>();

  @Override
  public Optional<ExternalIdentityProvider> find(EnvironmentId environmentId) {
    return Optional.ofNullable(providers.get(environmentId));
  }

  @Override
  public void save(ExternalIdentityProvider provider) {
    providers.put(provider.environmentId(), provider);
  }

  @Override
  public void remove(EnvironmentId environmentId) {
    providers.remove(environmentId);
  }

  @Override
  public Optional<ExternalIdentity> find(
      EnvironmentId environmentId, String issuer, String subject) {
    return Optional.ofNullable(identities.get(List.of(environmentId.value(), issuer, subject)));
  }

  @Override
  public void link(ExternalIdentity identity) {
    List<String> key =
        List.of(identity.environmentId().value(), identity.issuer(), identity.subject());
    if (identities.putIfAbsent(key, identity) != null) {
      throw new IllegalStateException("identity already linked");
    }
  }
}
