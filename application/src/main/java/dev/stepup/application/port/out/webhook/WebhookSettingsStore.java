package dev.stepup.application.port.out.webhook;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookSettings;
import java.util.Optional;

/** Each environment's webhook settings and its signing secret, sealed with the master key. */
public interface WebhookSettingsStore {

  Optional<StoredWebhook> find(EnvironmentId environmentId);

  /** Inserts or replaces the environment's webhook. */
  void save(WebhookSettings settings, byte[] sealedSecret);

  /** Removes the environment's webhook; false when it had none. */
  boolean delete(EnvironmentId environmentId);

  /** The settings and the sealed secret that signs their deliveries. */
  record StoredWebhook(WebhookSettings settings, byte[] sealedSecret) {

    @Override
    public String toString() {
      return "StoredWebhook[" + settings + "]";
    }
  }
}
