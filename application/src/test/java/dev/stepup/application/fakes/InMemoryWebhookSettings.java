package dev.stepup.application.fakes;

import dev.stepup.application.port.out.webhook.WebhookSettingsStore;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookSettings;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Webhook settings in memory. */
public final class InMemoryWebhookSettings implements WebhookSettingsStore {
  private final Map<EnvironmentId, StoredWebhook> stored = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredWebhook> find(EnvironmentId environmentId) {
    return Optional.ofNullable(stored.get(environmentId));
  }

  @Override
  public void save(WebhookSettings settings, byte[] sealedSecret) {
    stored.put(settings.environmentId(), new StoredWebhook(settings, sealedSecret.clone()));
  }

  @Override
  public boolean delete(EnvironmentId environmentId) {
    return stored.remove(environmentId) != null;
  }
}
