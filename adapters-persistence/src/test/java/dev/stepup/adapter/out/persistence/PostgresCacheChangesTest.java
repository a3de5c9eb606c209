package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.adapter.out.persistence.cache.CacheChanges;
import dev.stepup.adapter.out.persistence.cache.CachedApiKeys;
import dev.stepup.adapter.out.persistence.cache.PostgresCacheChanges;
import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one PostgreSQL, each caching API keys for an hour: a key revoked through one is
 * refused by the other at once, because the change is announced to every node.
 */
class PostgresCacheChangesTest {

  private static final EnvironmentId ENV = new EnvironmentId("demo");
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private DataSource database;
  private JdbcClient jdbc;
  private PostgresCacheChanges newsOfA;
  private PostgresCacheChanges newsOfB;
  private final Map<String, AtomicInteger> loadsOnA = new ConcurrentHashMap<>();

  @BeforeEach
  void twoListeningNodes() {
    database = SharedPostgres.freshDatabase();
    Migrations.flyway(database).load().migrate();
    jdbc = JdbcClient.create(database);
    new JdbcEnvironments(jdbc).save(Environment.create(ENV, "Demo"));
    newsOfA = new PostgresCacheChanges(jdbc, database::getConnection);
    newsOfB = new PostgresCacheChanges(jdbc, database::getConnection);
    newsOfA.start();
    newsOfB.start();
    awaitTrue(() -> newsOfA.listening() && newsOfB.listening());
  }

  @AfterEach
  void stop() throws InterruptedException {
    newsOfA.close();
    newsOfB.close();
  }

  @Test
  void aKeyRevokedOnOneNodeIsRefusedOnTheOtherAtOnce() {
    ApiKeys nodeA = node(newsOfA);
    ApiKeys nodeB = nodeBWithKey("key_1", "digest-1");
    assertThat(nodeA.findByDigest("digest-1").orElseThrow().isActive()).isTrue();

    revoke(nodeB, "digest-1");

    awaitTrue(() -> !nodeA.findByDigest("digest-1").orElseThrow().isActive());
  }

  @Test
  void withoutNewsAnotherNodeServesItsCopyUntilTheTtl() {
    ApiKeys deaf = new CachedApiKeys(new JdbcApiKeys(jdbc), HOUR, CacheChanges.NONE);
    ApiKeys nodeB = nodeBWithKey("key_1", "digest-1");
    deaf.findByDigest("digest-1");

    revoke(nodeB, "digest-1");

    assertThat(deaf.findByDigest("digest-1").orElseThrow().isActive()).isTrue();
  }

  @Test
  void aChangeRolledBackIsNeverAnnounced() {
    ApiKeys nodeA = node(newsOfA);
    ApiKeys nodeB = new CachedApiKeys(new JdbcApiKeys(jdbc), HOUR, newsOfB);
    // Stored without news, so no announcement of the set-up can reach node A late.
    for (String n : List.of("1", "2")) {
      new JdbcApiKeys(jdbc)
          .save(
              ApiKey.create(
                  "key_" + n,
                  ENV,
                  "K" + n,
                  "digest-" + n,
                  ApiPermission.ALL,
                  Optional.empty(),
                  T0));
    }
    nodeA.findByDigest("digest-1");
    nodeA.findByDigest("digest-2");

    new TransactionTemplate(new DataSourceTransactionManager(database))
        .executeWithoutResult(
            tx -> {
              revoke(nodeB, "digest-1");
              tx.setRollbackOnly();
            });
    // News travels in order: once the committed change to key 2 arrives, the rolled-back change
    // to key 1 would have arrived before it.
    revoke(nodeB, "digest-2");
    awaitTrue(() -> !nodeA.findByDigest("digest-2").orElseThrow().isActive());

    assertThat(nodeA.findByDigest("digest-1").orElseThrow().isActive()).isTrue();
    assertThat(loadsOnA.get("digest-1")).hasValue(1); // read once, never again
  }

  @Test
  void aNodeThatLostItsListeningConnectionForgetsEverythingWhenItIsBack() {
    ApiKeys nodeA = node(newsOfA);
    ApiKeys nodeB = nodeBWithKey("key_1", "digest-1");
    nodeA.findByDigest("digest-1");

    List<Integer> listeners =
        jdbc.sql(
                "SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN%'"
                    + " AND pid <> pg_backend_pid()")
            .query(Integer.class)
            .list();
    assertThat(listeners).hasSize(2);
    // Both listeners go; the change happens while neither node hears anything.
    listeners.forEach(
        pid -> jdbc.sql("SELECT pg_terminate_backend(?)").param(pid).query().rowSet());
    awaitTrue(() -> !newsOfA.listening());
    revoke(new CachedApiKeys(new JdbcApiKeys(jdbc), HOUR, CacheChanges.NONE), "digest-1");

    awaitTrue(newsOfA::listening);
    assertThat(nodeA.findByDigest("digest-1").orElseThrow().isActive()).isFalse();
  }

  /** Node B's cache of API keys, through which a key is saved. */
  private ApiKeys nodeBWithKey(String id, String digest) {
    ApiKeys nodeB = new CachedApiKeys(new JdbcApiKeys(jdbc), HOUR, newsOfB);
    nodeB.save(ApiKey.create(id, ENV, "Backend", digest, ApiPermission.ALL, Optional.empty(), T0));
    return nodeB;
  }

  /** Node A's cache of API keys, counting its reads of the database. */
  private ApiKeys node(CacheChanges news) {
    JdbcApiKeys stored = new JdbcApiKeys(jdbc);
    ApiKeys counted =
        new ApiKeys() {
          @Override
          public Optional<ApiKey> findByDigest(String digest) {
            loadsOnA.computeIfAbsent(digest, d -> new AtomicInteger()).incrementAndGet();
            return stored.findByDigest(digest);
          }

          @Override
          public List<ApiKey> forEnvironment(EnvironmentId environmentId) {
            return stored.forEnvironment(environmentId);
          }

          @Override
          public void save(ApiKey apiKey) {
            stored.save(apiKey);
          }
        };
    return new CachedApiKeys(counted, HOUR, news);
  }

  private static void revoke(ApiKeys keys, String digest) {
    ApiKey key = keys.findByDigest(digest).orElseThrow();
    key.revoke(T0.plusSeconds(60));
    keys.save(key);
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
