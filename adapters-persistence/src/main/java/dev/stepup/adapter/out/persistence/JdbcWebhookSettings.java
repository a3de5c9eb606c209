package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.webhook.WebhookSettingsStore;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookEndpoint;
import dev.stepup.domain.webhook.WebhookEventType;
import dev.stepup.domain.webhook.WebhookSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Webhook settings in {@code webhook_settings} (V24), the secret as sealed bytes in base64. */
public final class JdbcWebhookSettings implements WebhookSettingsStore {

  private final JdbcClient jdbc;

  public JdbcWebhookSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<StoredWebhook> find(EnvironmentId environmentId) {
    return jdbc.sql(
            "SELECT endpoint_url, event_types, sealed_secret FROM webhook_settings"
                + " WHERE environment_id = ?")
        .param(environmentId.value())
        .query(
            (rs, n) ->
                new StoredWebhook(
                    new WebhookSettings(
                        environmentId,
                        // Validated when saved; read back as stored.
                        new WebhookEndpoint(URI.create(rs.getString("endpoint_url"))),
                        Arrays.stream(rs.getString("event_types").split(" "))
                            .map(WebhookEventType::fromWire)
                            .collect(Collectors.toSet())),
                    Base64.getDecoder().decode(rs.getString("sealed_secret"))))
        .optional();
  }

  @Override
  public void save(WebhookSettings settings, byte[] sealedSecret) {
    String events =
        settings.events().stream()
            .map(WebhookEventType::wire)
            .sorted()
            .collect(Collectors.joining(" "));
    String sealed = Columns.base64(sealedSecret);
    int updated =
        jdbc.sql(
                "UPDATE webhook_settings SET endpoint_url = ?, event_types = ?, sealed_secret = ?"
                    + " WHERE environment_id = ?")
            .params(
                settings.endpoint().toString(), events, sealed, settings.environmentId().value())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO webhook_settings (environment_id, endpoint_url, event_types,"
                  + " sealed_secret) VALUES (?, ?, ?, ?)")
          .params(settings.environmentId().value(), settings.endpoint().toString(), events, sealed)
          .update();
    }
  }

  @Override
  public boolean delete(EnvironmentId environmentId) {
    return jdbc.sql("DELETE FROM webhook_settings WHERE environment_id = ?")
            .param(environmentId.value())
            .update()
        > 0;
  }
}
