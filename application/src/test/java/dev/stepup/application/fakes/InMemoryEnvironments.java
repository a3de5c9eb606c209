package dev.stepup.application.fakes;

import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Environments kept in memory; copies on the way in and out, like a database would. */
public final class InMemoryEnvironments implements Environments {
  private final Map<EnvironmentId, Environment> byId = new ConcurrentHashMap<>();

  @Override
  public Optional<Environment> find(EnvironmentId id) {
    return Optional.ofNullable(byId.get(id)).map(InMemoryEnvironments::copy);
  }

  @Override
  public List<Environment> all() {
    return byId.values().stream()
        .map(InMemoryEnvironments::copy)
        .sorted(Comparator.comparing(e -> e.id().value()))
        .toList();
  }

  @Override
  public void save(Environment environment) {
    byId.put(environment.id(), copy(environment));
  }

  private static Environment copy(Environment e) {
    Environment copy = new Environment(e.id(), e.name(), e.settings(), e.redirects());
    copy.allowSignUp(e.allowsSignUp());
    copy.allowBrowserOrigins(e.browserOrigins());
    copy.requireApiVersion(e.minimumApiVersion());
    return copy;
  }
}
