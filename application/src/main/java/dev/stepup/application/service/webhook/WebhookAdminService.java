package dev.stepup.application.service.webhook;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.webhook.ConfigureWebhookUseCase;
import dev.stepup.application.port.in.webhook.ReadWebhookUseCase;
import dev.stepup.application.port.in.webhook.RotateWebhookSecretUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.webhook.WebhookDeliveries;
import dev.stepup.application.port.out.webhook.WebhookSettingsStore;
import dev.stepup.application.port.out.webhook.WebhookSettingsStore.StoredWebhook;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookDelivery;
import dev.stepup.domain.webhook.WebhookEndpoint;
import dev.stepup.domain.webhook.WebhookEventType;
import dev.stepup.domain.webhook.WebhookSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Webhook settings as admins manage them. The signing secret is generated here, sealed with the
 * master key (it must be opened again to sign, so it cannot be hashed) and answered only once.
 */
public final class WebhookAdminService
    implements ConfigureWebhookUseCase, RotateWebhookSecretUseCase, ReadWebhookUseCase {

  static final String SECRET_PREFIX = "whsec_";

  private final Environments environments;
  private final WebhookSettingsStore store;
  private final WebhookDeliveries deliveries;
  private final SecretCipher cipher;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final boolean allowLoopback;

  /**
   * @param allowLoopback whether {@code http://localhost} endpoints are accepted (development only)
   */
  public WebhookAdminService(
      Environments environments,
      WebhookSettingsStore store,
      WebhookDeliveries deliveries,
      SecretCipher cipher,
      TransactionRunner transactions,
      AuditTrail audit,
      Clock clock,
      boolean allowLoopback) {
    this.environments = environments;
    this.store = store;
    this.deliveries = deliveries;
    this.cipher = cipher;
    this.transactions = transactions;
    this.audit = new Audit(audit, clock);
    this.allowLoopback = allowLoopback;
  }

  @Override
  public Result configure(ConfigureWebhookUseCase.Command command) {
    requireEnvironment(command.environmentId());
    WebhookSettings settings =
        new WebhookSettings(
            command.environmentId(),
            WebhookEndpoint.parse(command.endpoint(), allowLoopback),
            types(command.eventTypes()));
    return transactions.inTransaction(
        () -> {
          Optional<StoredWebhook> existing = store.find(command.environmentId());
          Optional<String> fresh =
              existing.isPresent() ? Optional.empty() : Optional.of(newSecret());
          byte[] sealed =
              existing.map(StoredWebhook::sealedSecret).orElseGet(() -> seal(fresh.get()));
          store.save(settings, sealed);
          // The endpoint is the host's own address, not a secret: the audit names it.
          audit
              .event(AuditEventType.SETTINGS_CHANGED, command.environmentId(), command.origin())
              .actor(command.actor())
              .success(abbreviated("webhook " + settings.endpoint() + " " + wires(settings)));
          return new Result(settings, fresh);
        });
  }

  @Override
  public String rotate(RotateWebhookSecretUseCase.Command command) {
    return transactions.inTransaction(
        () -> {
          StoredWebhook existing =
              store
                  .find(command.environmentId())
                  .orElseThrow(() -> new IllegalStateException("no webhook is set up"));
          String secret = newSecret();
          store.save(existing.settings(), seal(secret));
          audit
              .event(AuditEventType.SETTINGS_CHANGED, command.environmentId(), command.origin())
              .actor(command.actor())
              .success("webhook secret rotated");
          return secret;
        });
  }

  @Override
  public Optional<WebhookSettings> settings(EnvironmentId environmentId) {
    return store.find(environmentId).map(StoredWebhook::settings);
  }

  @Override
  public List<WebhookDelivery> deliveries(EnvironmentId environmentId, int limit) {
    return deliveries.recent(environmentId, Math.max(1, Math.min(200, limit)));
  }

  private void requireEnvironment(EnvironmentId id) {
    if (environments.find(id).isEmpty()) {
      throw new NotFoundException("environment", id);
    }
  }

  private static Set<WebhookEventType> types(Set<String> wires) {
    if (wires.isEmpty()) {
      throw new IllegalArgumentException("choose at least one event type");
    }
    Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
    for (String wire : wires) {
      types.add(WebhookEventType.fromWire(wire));
    }
    return types;
  }

  private static String wires(WebhookSettings settings) {
    return settings.events().stream()
        .map(WebhookEventType::wire)
        .sorted()
        .collect(Collectors.joining(","));
  }

  private static String newSecret() {
    return RandomTokens.secret(SECRET_PREFIX);
  }

  private byte[] seal(String secret) {
    return cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8));
  }

  private static String abbreviated(String text) {
    return text.length() > 250 ? text.substring(0, 249) + "…" : text;
  }
}
