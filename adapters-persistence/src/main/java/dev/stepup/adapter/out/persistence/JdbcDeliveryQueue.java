package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.delivery.DeliveryQueue;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.application.port.out.webhook.WebhookQueue;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookEndpoint;
import dev.stepup.domain.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable delivery queue. Sending a message only inserts it, in the caller's transaction (a
 * rollback takes the message with it); the worker is woken once the transaction commits. Subject
 * and body are sealed with the master key and erased when the message is finished.
 */
public final class JdbcDeliveryQueue
    implements EmailSender, SmsSender, WebhookQueue, DeliveryQueue {

  private static final int MAX_SUBJECT = 255;
  private static final int MAX_BODY = 4000;
  private static final int CANDIDATES = 8;
  private static final System.Logger LOG = System.getLogger(JdbcDeliveryQueue.class.getName());

  private final JdbcClient jdbc;
  private final SecretCipher cipher;
  private final Clock clock;
  private final Runnable wakeUp;

  /**
   * @param wakeUp nudges the worker; called after the queuing transaction commits, on the caller's
   *     thread, so it must only signal (never send)
   */
  public JdbcDeliveryQueue(JdbcClient jdbc, SecretCipher cipher, Clock clock, Runnable wakeUp) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
    this.wakeUp = wakeUp;
  }

  @Override
  public void send(EnvironmentId environmentId, String toAddress, String subject, String body) {
    enqueue(environmentId, DeliveryChannel.EMAIL, toAddress, subject, body, null);
  }

  @Override
  public void send(EnvironmentId environmentId, String phoneNumber, String text) {
    enqueue(environmentId, DeliveryChannel.SMS, phoneNumber, null, text, null);
  }

  /** A webhook: the event id travels as the subject; id and type are also kept for the console. */
  @Override
  public void enqueue(WebhookEvent event, WebhookEndpoint endpoint) {
    enqueue(
        event.environmentId(),
        DeliveryChannel.WEBHOOK,
        endpoint.toString(),
        event.id(),
        event.toJson(),
        event);
  }

  @Override
  public int dropQueued(EnvironmentId environmentId, String reason, Instant at) {
    return jdbc.sql(
            "UPDATE deliveries SET status = 'dead', sealed_subject = NULL, sealed_body = NULL,"
                + " finished_at = ?, last_error = ?"
                + " WHERE environment_id = ? AND channel = ? AND status = 'queued'")
        .params(at(at), cut(reason, 255), environmentId.value(), DeliveryChannel.WEBHOOK.wire())
        .update();
  }

  private void enqueue(
      EnvironmentId environmentId,
      DeliveryChannel channel,
      String recipient,
      String subject,
      String body,
      WebhookEvent event) {
    Instant now = clock.instant();
    jdbc.sql(
            "INSERT INTO deliveries (environment_id, channel, recipient, sealed_subject,"
                + " sealed_body, status, attempts, created_at, next_attempt_at, event_id,"
                + " event_type) VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?)")
        .params(
            environmentId.value(),
            channel.wire(),
            cut(recipient, 255),
            subject == null ? null : seal(cut(subject, MAX_SUBJECT)),
            seal(cut(body, MAX_BODY)),
            at(now),
            at(now),
            event == null ? null : event.id(),
            event == null ? null : event.type().wire())
        .update();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              nudge();
            }
          });
    } else {
      nudge();
    }
  }

  /** The message is stored: a worker that cannot be woken (shutting down) finds it on schedule. */
  private void nudge() {
    try {
      wakeUp.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "Delivery worker not woken", e);
    }
  }

  @Override
  public Optional<ClaimedDelivery> claimNext(Instant now, Instant leaseUntil) {
    while (true) {
      List<Long> due =
          jdbc.sql(
                  "SELECT id FROM deliveries WHERE status = 'queued' AND next_attempt_at <= ?"
                      + " ORDER BY next_attempt_at, id LIMIT "
                      + CANDIDATES)
              .param(at(now))
              .query(Long.class)
              .list();
      if (due.isEmpty()) {
        return Optional.empty();
      }
      for (long id : due) {
        String claim = UUID.randomUUID().toString();
        // The conditional update is the claim: of concurrent workers only one changes the row.
        int won =
            jdbc.sql(
                    "UPDATE deliveries SET status = 'sending', claim = ?, lease_until = ?,"
                        + " attempts = attempts + 1 WHERE id = ? AND status = 'queued'")
                .params(claim, at(leaseUntil), id)
                .update();
        if (won == 1) {
          return Optional.of(load(id, claim));
        }
      }
    }
  }

  private ClaimedDelivery load(long id, String claim) {
    return jdbc.sql(
            "SELECT environment_id, channel, recipient, sealed_subject, sealed_body, attempts"
                + " FROM deliveries WHERE id = ? AND claim = ?")
        .params(id, claim)
        .query(
            (rs, n) ->
                new ClaimedDelivery(
                    id,
                    claim,
                    new EnvironmentId(rs.getString("environment_id")),
                    DeliveryChannel.fromWire(rs.getString("channel")),
                    rs.getString("recipient"),
                    open(rs.getString("sealed_subject")),
                    open(rs.getString("sealed_body")),
                    rs.getInt("attempts")))
        .single();
  }

  @Override
  public void markSent(ClaimedDelivery d, Instant at) {
    // Matched by claim, not status: a send confirmed after its lease ran out still counts as sent.
    jdbc.sql(
            "UPDATE deliveries SET status = 'sent', sealed_subject = NULL, sealed_body = NULL,"
                + " lease_until = NULL, finished_at = ? WHERE id = ? AND claim = ?")
        .params(at(at), d.id(), d.claim())
        .update();
  }

  @Override
  public void markRetry(ClaimedDelivery d, Instant nextAttempt, String reason, Instant at) {
    jdbc.sql(
            "UPDATE deliveries SET status = 'queued', claim = NULL, lease_until = NULL,"
                + " next_attempt_at = ?, last_failed_at = ?, last_error = ?"
                + " WHERE id = ? AND claim = ? AND status = 'sending'")
        .params(at(nextAttempt), at(at), cut(reason, 255), d.id(), d.claim())
        .update();
  }

  @Override
  public void markDead(ClaimedDelivery d, String reason, Instant at) {
    jdbc.sql(
            "UPDATE deliveries SET status = 'dead', sealed_subject = NULL, sealed_body = NULL,"
                + " lease_until = NULL, finished_at = ?, last_failed_at = ?, last_error = ?"
                + " WHERE id = ? AND claim = ?")
        .params(at(at), at(at), cut(reason, 255), d.id(), d.claim())
        .update();
  }

  @Override
  public int abandonExpiredLeases(Instant now, String reason) {
    return jdbc.sql(
            "UPDATE deliveries SET status = 'dead', sealed_subject = NULL, sealed_body = NULL,"
                + " lease_until = NULL, finished_at = ?, last_failed_at = ?, last_error = ?"
                + " WHERE status = 'sending' AND lease_until < ?")
        .params(at(now), at(now), cut(reason, 255), at(now))
        .update();
  }

  private String seal(String text) {
    return Columns.base64(cipher.encrypt(text.getBytes(StandardCharsets.UTF_8)));
  }

  private String open(String sealed) {
    return sealed == null
        ? ""
        : new String(
            cipher.decrypt(java.util.Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
  }

  private static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }
}
