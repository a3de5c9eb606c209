package dev.stepup.application.service.webhook;

import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.application.port.out.delivery.WebhookTransport;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.webhook.WebhookPoster;
import dev.stepup.application.port.out.webhook.WebhookSettingsStore;
import dev.stepup.application.port.out.webhook.WebhookSettingsStore.StoredWebhook;
import dev.stepup.domain.environment.EnvironmentId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Sends a queued webhook to the endpoint its own environment has now, signed with that
 * environment's current secret: a delivery can never reach another environment's endpoint, and a
 * rotated secret or corrected URL applies to retries too.
 */
public final class SignedWebhookTransport implements WebhookTransport {

  private final WebhookSettingsStore settings;
  private final SecretCipher cipher;
  private final WebhookPoster poster;
  private final Clock clock;

  public SignedWebhookTransport(
      WebhookSettingsStore settings, SecretCipher cipher, WebhookPoster poster, Clock clock) {
    this.settings = settings;
    this.cipher = cipher;
    this.poster = poster;
    this.clock = clock;
  }

  @Override
  public void send(EnvironmentId environmentId, String eventId, String body) {
    StoredWebhook webhook =
        settings
            .find(environmentId)
            .orElseThrow(
                () ->
                    new DeliveryFailure(
                        DeliveryFailure.Kind.PERMANENT, "the environment has no webhook", null));
    String secret = new String(cipher.decrypt(webhook.sealedSecret()), StandardCharsets.UTF_8);
    poster.post(webhook.settings().endpoint(), secret, eventId, body, clock.instant());
  }
}
