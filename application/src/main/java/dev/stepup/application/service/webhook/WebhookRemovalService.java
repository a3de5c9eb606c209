package dev.stepup.application.service.webhook;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.webhook.RemoveWebhookUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.webhook.WebhookQueue;
import dev.stepup.application.port.out.webhook.WebhookSettingsStore;
import dev.stepup.application.service.audit.Audit;
import java.time.Clock;

/**
 * Removes an environment's webhook and, in the same transaction, gives up its waiting deliveries:
 * they are marked dead rather than deleted, so the console's view of attempts says what became of
 * them. A delivery a worker is sending at that moment finishes or fails as it would have.
 */
public final class WebhookRemovalService implements RemoveWebhookUseCase {

  /** The last error of the deliveries given up. */
  public static final String DROPPED = "the webhook was removed";

  private final Environments environments;
  private final WebhookSettingsStore store;
  private final WebhookQueue queue;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public WebhookRemovalService(
      Environments environments,
      WebhookSettingsStore store,
      WebhookQueue queue,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.store = store;
    this.queue = queue;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public Result remove(Command command) {
    if (environments.find(command.environmentId()).isEmpty()) {
      throw new NotFoundException("environment", command.environmentId());
    }
    return transactions.inTransaction(
        () -> {
          var existing = store.find(command.environmentId());
          if (existing.isEmpty() || !store.delete(command.environmentId())) {
            return new Result(false, 0);
          }
          int dropped = queue.dropQueued(command.environmentId(), DROPPED, clock.instant());
          String endpoint = existing.get().settings().endpoint().toString();
          String what = "webhook removed " + endpoint + " (" + dropped + " waiting dropped)";
          audit
              .event(AuditEventType.SETTINGS_CHANGED, command.environmentId(), command.origin())
              .actor(command.actor())
              .success(what.length() > 250 ? what.substring(0, 249) + "…" : what);
          return new Result(true, dropped);
        });
  }
}
