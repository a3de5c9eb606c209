package dev.stepup.application.service.webhook;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEvent.Outcome;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.webhook.WebhookQueue;
import dev.stepup.application.port.out.webhook.WebhookSettingsStore;
import dev.stepup.application.port.out.webhook.WebhookSettingsStore.StoredWebhook;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.webhook.WebhookEvent;
import dev.stepup.domain.webhook.WebhookEventType;
import java.util.Optional;

/**
 * Turns the audited step-up events a host can subscribe to into webhook deliveries. Every such
 * change is audited inside the transaction that makes it, so queuing the delivery next to the audit
 * record puts the event in that same transaction: it is sent only if the change commits.
 */
public final class WebhookAuditTrail implements AuditTrail {

  private final AuditTrail trail;
  private final WebhookSettingsStore settings;
  private final WebhookQueue queue;

  public WebhookAuditTrail(AuditTrail trail, WebhookSettingsStore settings, WebhookQueue queue) {
    this.trail = trail;
    this.settings = settings;
    this.queue = queue;
  }

  @Override
  public void record(AuditEvent event) {
    trail.record(event);
    Optional<WebhookEventType> type = webhookType(event);
    if (type.isEmpty() || event.environmentId().isEmpty()) {
      return;
    }
    Optional<StoredWebhook> webhook = settings.find(event.environmentId().get());
    if (webhook.isEmpty() || !webhook.get().settings().wants(type.get())) {
      return;
    }
    queue.enqueue(toWebhook(event, type.get()), webhook.get().settings().endpoint());
  }

  /** The webhook type an audit record reports, if hosts can subscribe to it. */
  static Optional<WebhookEventType> webhookType(AuditEvent event) {
    boolean success = event.outcome() == Outcome.SUCCESS;
    AuditEventType t = event.type();
    if (t == AuditEventType.LOCKOUT) {
      return Optional.of(WebhookEventType.LOCKOUT);
    }
    if (!success) {
      return Optional.empty();
    }
    return switch (t) {
      case TOKEN_ISSUED -> Optional.of(WebhookEventType.TOKEN_ISSUED);
      case TOKEN_CONSUMED -> Optional.of(WebhookEventType.TOKEN_CONSUMED);
      case TOKEN_REVOKED -> Optional.of(WebhookEventType.TOKEN_REVOKED);
      case MFA_ENROLLED, RECOVERY_CODES_ISSUED -> Optional.of(WebhookEventType.MFA_ENROLLED);
      case MFA_RESET -> Optional.of(WebhookEventType.MFA_RESET);
      default -> Optional.empty();
    };
  }

  private static WebhookEvent toWebhook(AuditEvent event, WebhookEventType type) {
    Optional<VerificationMethod> method =
        event.type() == AuditEventType.RECOVERY_CODES_ISSUED && event.method().isEmpty()
            ? Optional.of(VerificationMethod.RECOVERY_CODE)
            : event.method();
    // The audit's detail is carried only for lockouts (which lock); for tokens it is the token id.
    Optional<String> reason = type == WebhookEventType.LOCKOUT ? event.reason() : Optional.empty();
    return new WebhookEvent(
        RandomTokens.id("evt"),
        type,
        event.environmentId().get(),
        event.at(),
        event.userId(),
        event.scopes(),
        method,
        reason);
  }
}
