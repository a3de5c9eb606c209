package dev.stepup.application.fakes;

import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Social providers in memory, one per name and environment, listed by name as the table is. */
public final class InMemorySocialProviders implements SocialProviders {
  private final Map<String, Registration> byKey = new ConcurrentHashMap<>();

  @Override
  public Optional<Registration> find(EnvironmentId environmentId, String name) {
    return Optional.ofNullable(byKey.get(environmentId.value() + "/" + name));
  }

  @Override
  public List<SocialProvider> list(EnvironmentId environmentId) {
    return byKey.values().stream()
        .map(Registration::provider)
        .filter(p -> p.environmentId().equals(environmentId))
        .sorted(Comparator.comparing(SocialProvider::name))
        .toList();
  }

  @Override
  public void save(SocialProvider provider, byte[] sealedClientSecret) {
    byKey.put(
        provider.environmentId().value() + "/" + provider.name(),
        new Registration(provider, sealedClientSecret.clone()));
  }
}
