package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.fakes.XorSecretCipher;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.application.port.out.delivery.DeliveryQueue.ClaimedDelivery;
import dev.stepup.application.port.out.delivery.DeliveryReports.TroubledDelivery;
import dev.stepup.application.port.out.delivery.EmailTransport;
import dev.stepup.application.port.out.delivery.SmsTransport;
import dev.stepup.application.service.delivery.DeliverMessagesService;
import dev.stepup.domain.delivery.DeliveryBacklog;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.delivery.RetrySchedule;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * What the durable delivery queue promises, with the worker that drains it, on every supported
 * database: queued in the caller's transaction, sealed at rest, claimed by one worker only, retried
 * with back-off, dead-lettered, and never sent twice after a crash between send and mark.
 */
abstract class DeliveryQueueContractTest {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final EnvironmentId ENV = new EnvironmentId("demo");
  static final Duration LEASE = Duration.ofMinutes(5);
  static final RetrySchedule RETRIES =
      new RetrySchedule(3, Duration.ofSeconds(10), Duration.ofMinutes(1));

  final MutableClock clock = new MutableClock(T0);
  final AtomicInteger wakeUps = new AtomicInteger();
  final List<String> sent = new CopyOnWriteArrayList<>();
  JdbcClient jdbc;
  JdbcTransactionRunner transactions;
  JdbcDeliveryQueue queue;
  JdbcDeliveryReports reports;
  volatile RuntimeException failure;

  abstract DataSource freshDatabase();

  @BeforeEach
  void migrate() {
    DataSource dataSource = freshDatabase();
    Migrations.flyway(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    transactions = new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource));
    queue = new JdbcDeliveryQueue(jdbc, new XorSecretCipher(), clock, wakeUps::incrementAndGet);
    reports = new JdbcDeliveryReports(jdbc);
  }

  DeliverMessagesService worker() {
    EmailTransport email =
        (env, to, subject, body) -> {
          if (failure != null) {
            throw failure;
          }
          sent.add(to + "|" + subject + "|" + body);
        };
    SmsTransport sms =
        (env, to, text) -> {
          if (failure != null) {
            throw failure;
          }
          sent.add(to + "|" + text);
        };
    return new DeliverMessagesService(queue, email, sms, RETRIES, LEASE, clock);
  }

  String status(String recipient) {
    return jdbc.sql("SELECT status FROM deliveries WHERE recipient = ?")
        .param(recipient)
        .query(String.class)
        .single();
  }

  @Test
  void aQueuedMessageIsSentOnceAfterwardsAndItsContentErased() {
    queue.send(ENV, "alice@example.test", "Your code: 483920", "Your code is 483920.");
    queue.send(ENV, "+14155550123", "Your code is 771203.");
    assertThat(wakeUps).hasValue(2); // no transaction: woken at once

    assertThat(worker().deliverDue()).isEqualTo(2);
    assertThat(worker().deliverDue()).isZero();

    assertThat(sent)
        .containsExactly(
            "alice@example.test|Your code: 483920|Your code is 483920.",
            "+14155550123|Your code is 771203.");
    assertThat(status("alice@example.test")).isEqualTo("sent");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM deliveries WHERE sealed_body IS NOT NULL"
                        + " OR sealed_subject IS NOT NULL")
                .query(Long.class)
                .single())
        .isZero();
    DeliveryBacklog backlog = reports.backlog(DeliveryChannel.EMAIL, T0.minusSeconds(3600));
    assertThat(backlog.waiting()).isZero();
    assertThat(backlog.lastSent()).contains(T0);
    assertThat(backlog.degraded(T0, Duration.ofMinutes(2))).isFalse();
  }

  @Test
  void subjectAndBodyAreSealedInTheTable() {
    queue.send(ENV, "alice@example.test", "Your code: 483920", "Your code is 483920.");

    var raw =
        jdbc.sql("SELECT sealed_subject, sealed_body, recipient FROM deliveries")
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();
    assertThat(raw.get(0)).isNotBlank().doesNotContain("483920").doesNotContain("code");
    assertThat(raw.get(1)).isNotBlank().doesNotContain("483920").doesNotContain("code");
    assertThat(raw.get(2)).isEqualTo("alice@example.test");
  }

  @Test
  void aRolledBackTransactionTakesItsMessageWithItAndWakesNobody() {
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      queue.send(ENV, "bob@example.test", "Your code: 111222", "111222");
                      assertThat(wakeUps).hasValue(0); // not before commit
                      throw new IllegalStateException("the change failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries").query(Long.class).single()).isZero();
    assertThat(wakeUps).hasValue(0);
    assertThat(worker().deliverDue()).isZero();
    assertThat(sent).isEmpty();

    transactions.inTransaction(
        () -> queue.send(ENV, "bob@example.test", "Your code: 333444", "333444"));
    assertThat(wakeUps).hasValue(1); // after commit
    worker().deliverDue();
    assertThat(sent).containsExactly("bob@example.test|Your code: 333444|333444");
  }

  @Test
  void concurrentClaimersNeverClaimTheSameMessage() throws Exception {
    int messages = 120;
    for (int i = 0; i < messages; i++) {
      queue.send(ENV, "user" + i + "@example.test", "s" + i, "b" + i);
    }
    int claimers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int c = 0; c < claimers; c++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                Optional<ClaimedDelivery> next;
                while ((next = queue.claimNext(T0, T0.plus(LEASE))).isPresent()) {
                  mine.add(next.get().id());
                }
                return mine;
              }));
    }
    start.countDown();
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : results) {
      all.addAll(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(all).hasSize(messages).doesNotHaveDuplicates();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE status = 'sending' AND attempts = 1")
                .query(Long.class)
                .single())
        .isEqualTo(messages);
  }

  @Test
  void aFailedSendIsRetriedWithBackOffThenDeadLettered() {
    queue.send(ENV, "carol@example.test", "Your code: 555666", "555666");
    failure = new DeliveryFailure(DeliveryFailure.Kind.RETRY, "no connection", null);
    DeliverMessagesService worker = worker();

    assertThat(worker.deliverDue()).isEqualTo(1); // attempt 1 fails: next in 10 s
    assertThat(status("carol@example.test")).isEqualTo("queued");
    clock.advance(Duration.ofSeconds(9));
    assertThat(worker.deliverDue()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(worker.deliverDue()).isEqualTo(1); // attempt 2 fails: next in 20 s
    clock.advance(Duration.ofSeconds(19));
    assertThat(worker.deliverDue()).isZero();
    List<TroubledDelivery> retrying = reports.troubled(ENV, 10);
    assertThat(retrying).singleElement().satisfies(t -> assertThat(t.dead()).isFalse());
    assertThat(retrying.get(0).nextAttempt()).contains(T0.plusSeconds(30));
    assertThat(reports.backlog(DeliveryChannel.EMAIL, T0).degraded(clock.instant(), LEASE))
        .isTrue(); // the latest send failed
    clock.advance(Duration.ofSeconds(1));
    assertThat(worker.deliverDue()).isEqualTo(1); // attempt 3 of 3 fails: dead

    assertThat(status("carol@example.test")).isEqualTo("dead");
    failure = null;
    clock.advance(Duration.ofHours(1));
    assertThat(worker.deliverDue()).isZero();
    assertThat(sent).isEmpty();
    TroubledDelivery dead = reports.troubled(ENV, 10).get(0);
    assertThat(dead.dead()).isTrue();
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).get().asString().contains("out of attempts", "no connection");
    assertThat(reports.backlog(DeliveryChannel.EMAIL, T0).recentDeadLetters()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT sealed_body FROM deliveries").query(String.class).optional())
        .isEmpty();
  }

  @Test
  void aRetriedMessageIsSentOnceTheServerIsBack() {
    queue.send(ENV, "dave@example.test", "Your code: 777888", "777888");
    failure = new DeliveryFailure(DeliveryFailure.Kind.RETRY, "no connection", null);
    worker().deliverDue();
    failure = null;
    clock.advance(Duration.ofSeconds(10));
    worker().deliverDue();
    worker().deliverDue();

    assertThat(sent).containsExactly("dave@example.test|Your code: 777888|777888");
    assertThat(status("dave@example.test")).isEqualTo("sent");
    assertThat(reports.troubled(ENV, 10)).isEmpty();
  }

  @Test
  void aSendThatMayHaveHandedTheMessageOverIsNeverRepeated() {
    queue.send(ENV, "erin@example.test", "Your code: 121212", "121212");
    failure = new DeliveryFailure(DeliveryFailure.Kind.UNCONFIRMED, "no answer after DATA", null);
    worker().deliverDue();
    failure = null;
    clock.advance(Duration.ofHours(1));
    worker().deliverDue();

    assertThat(status("erin@example.test")).isEqualTo("dead");
    assertThat(sent).isEmpty();
  }

  @Test
  void aCrashBetweenSendAndMarkIsNotResentWhenTheLeaseRunsOut() {
    queue.send(ENV, "frank@example.test", "Your code: 343434", "343434");
    // A worker claims and starts sending, then its node dies before marking the message.
    ClaimedDelivery crashed = queue.claimNext(T0, T0.plus(LEASE)).orElseThrow();
    assertThat(crashed.body()).isEqualTo("343434");

    DeliverMessagesService survivor = worker();
    clock.advance(LEASE.minusSeconds(1));
    assertThat(survivor.deliverDue()).isZero(); // still leased: nobody else takes it
    assertThat(status("frank@example.test")).isEqualTo("sending");
    clock.advance(Duration.ofSeconds(2));
    assertThat(survivor.deliverDue()).isZero(); // lease over: given up, not sent again
    clock.advance(Duration.ofHours(1));
    survivor.deliverDue();

    assertThat(sent).isEmpty();
    assertThat(status("frank@example.test")).isEqualTo("dead");
    assertThat(reports.troubled(ENV, 10).get(0).lastError())
        .get()
        .asString()
        .contains("never confirmed");
    // The slow node comes back and confirms: it was sent after all.
    queue.markSent(crashed, clock.instant());
    assertThat(status("frank@example.test")).isEqualTo("sent");
  }

  @Test
  void aWorkerCannotMarkAMessageItNoLongerHolds() {
    queue.send(ENV, "gina@example.test", "s", "b");
    ClaimedDelivery first = queue.claimNext(T0, T0.plus(LEASE)).orElseThrow();
    queue.markRetry(first, T0, "no connection", T0);
    ClaimedDelivery second = queue.claimNext(T0, T0.plus(LEASE)).orElseThrow();
    assertThat(second.attempt()).isEqualTo(2);

    queue.markDead(first, "stale worker", T0); // the first claim is over
    assertThat(status("gina@example.test")).isEqualTo("sending");
    queue.markSent(second, T0);
    assertThat(status("gina@example.test")).isEqualTo("sent");
    Set<String> claims = new HashSet<>(List.of(first.claim(), second.claim()));
    assertThat(claims).hasSize(2);
  }

  // ---- webhooks: the same queue, a channel of its own -----------------------------------------

  private static dev.stepup.domain.webhook.WebhookEvent webhookEvent(String id) {
    return new dev.stepup.domain.webhook.WebhookEvent(
        id,
        dev.stepup.domain.webhook.WebhookEventType.TOKEN_ISSUED,
        ENV,
        T0,
        Optional.of(new dev.stepup.domain.user.UserId("usr_1")),
        Set.of(),
        Optional.empty(),
        Optional.empty());
  }

  private static final dev.stepup.domain.webhook.WebhookEndpoint HOOK =
      dev.stepup.domain.webhook.WebhookEndpoint.parse("https://host.example/hooks", false);

  @Test
  void aWebhookIsQueuedInTheCallersTransactionAndAnUnconfirmedPostIsRetriedThenDeadLettered() {
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      queue.enqueue(webhookEvent("evt_rolled_back"), HOOK);
                      throw new IllegalStateException("the change failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    transactions.inTransaction(() -> queue.enqueue(webhookEvent("evt_1"), HOOK));

    List<String> posted = new ArrayList<>();
    dev.stepup.application.port.out.delivery.WebhookTransport webhooks =
        (env, eventId, body) -> {
          posted.add(eventId + "|" + body);
          throw new DeliveryFailure(DeliveryFailure.Kind.UNCONFIRMED, "no answer", null);
        };
    DeliverMessagesService worker =
        new DeliverMessagesService(
            queue,
            (env, to, subject, body) -> {},
            (env, to, text) -> {},
            webhooks,
            RETRIES,
            LEASE,
            clock);
    JdbcWebhookDeliveries deliveries = new JdbcWebhookDeliveries(jdbc);

    assertThat(worker.deliverDue()).isEqualTo(1);
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0)).startsWith("evt_1|{\"id\":\"evt_1\",\"type\":\"token.issued\"");
    var retrying = deliveries.recent(ENV, 10);
    assertThat(retrying).hasSize(1);
    assertThat(retrying.get(0).eventId()).isEqualTo("evt_1");
    assertThat(retrying.get(0).eventType()).isEqualTo("token.issued");
    assertThat(retrying.get(0).endpoint()).isEqualTo("https://host.example/hooks");
    assertThat(retrying.get(0).status()).isEqualTo("retrying");
    assertThat(retrying.get(0).nextAttempt()).contains(T0.plusSeconds(10));
    // Emails are never repeated after an unconfirmed send; a webhook is: it carries its event id.
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(2));
      worker.deliverDue();
    }
    assertThat(posted).hasSize(3);
    var dead = deliveries.recent(ENV, 10).get(0);
    assertThat(dead.status()).isEqualTo("dead");
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).get().asString().contains("out of attempts");
    assertThat(reports.troubled(ENV, 10)).isEmpty(); // the outbox lists emails and texts only
  }

  @Test
  void webhookSettingsRoundTripWithTheirSealedSecret() {
    JdbcWebhookSettings settings = new JdbcWebhookSettings(jdbc);
    var first =
        new dev.stepup.domain.webhook.WebhookSettings(
            ENV, HOOK, Set.of(dev.stepup.domain.webhook.WebhookEventType.LOCKOUT));
    settings.save(first, new byte[] {1, 2, 3});
    assertThat(settings.find(ENV).orElseThrow().settings()).isEqualTo(first);
    var second =
        new dev.stepup.domain.webhook.WebhookSettings(
            ENV,
            dev.stepup.domain.webhook.WebhookEndpoint.parse("https://host.example/v2", false),
            Set.of(
                dev.stepup.domain.webhook.WebhookEventType.TOKEN_ISSUED,
                dev.stepup.domain.webhook.WebhookEventType.MFA_RESET));
    settings.save(second, new byte[] {4, 5});
    var stored = settings.find(ENV).orElseThrow();
    assertThat(stored.settings()).isEqualTo(second);
    assertThat(stored.sealedSecret()).containsExactly(4, 5);
    assertThat(settings.find(new EnvironmentId("other"))).isEmpty();
  }
}
