package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.token.CurrentSigningKey;
import dev.stepup.application.port.out.token.StoredSigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Signing-key rotation is serialised by the database, on each database the product supports: of
 * nodes rotating from the same generation exactly one installs its key.
 */
abstract class SigningKeyRotationContractTest {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  abstract DataSource freshDatabase();

  static JdbcSigningKeys node(DataSource dataSource) {
    return new JdbcSigningKeys(
        JdbcClient.create(dataSource),
        new JdbcTransactionRunner(new DataSourceTransactionManager(dataSource)));
  }

  static StoredSigningKey key(String id, Instant at) {
    return new StoredSigningKey(
        id, "{\"kid\":\"" + id + "\"}", new byte[] {1}, at, Optional.empty());
  }

  @Test
  void aRotationReplacesOnlyTheGenerationItRead() {
    DataSource db = freshDatabase();
    Migrations.flyway(db).load().migrate();
    JdbcSigningKeys nodeA = node(db);
    JdbcSigningKeys nodeB = node(db);

    assertThat(nodeA.current()).isEqualTo(new CurrentSigningKey(0, Optional.empty()));
    assertThat(nodeA.rotate(0, key("k1", T0), T0)).isTrue();
    assertThat(nodeB.rotate(0, key("k2", T0), T0)).isFalse();
    CurrentSigningKey current = nodeB.current();
    assertThat(current.generation()).isEqualTo(1);
    assertThat(current.key().map(StoredSigningKey::keyId)).contains("k1");
    assertThat(nodeB.all()).extracting(StoredSigningKey::keyId).containsExactly("k1");

    assertThat(nodeB.rotate(1, key("k3", T0.plusSeconds(60)), T0.plusSeconds(60))).isTrue();
    assertThat(nodeA.current().key().map(StoredSigningKey::keyId)).contains("k3");
    assertThat(nodeA.all())
        .extracting(k -> k.keyId() + ":" + k.retiredAt().map(Instant::toString).orElse("active"))
        .containsExactly("k3:active", "k1:" + T0.plusSeconds(60));
  }

  @Test
  void ofNodesRotatingAtOnceExactlyOneWins() throws Exception {
    DataSource db = freshDatabase();
    Migrations.flyway(db).load().migrate();
    node(db).rotate(0, key("k0", T0), T0);
    int nodes = 4;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      for (int round = 1; round <= 5; round++) {
        CyclicBarrier start = new CyclicBarrier(nodes);
        long seen = node(db).current().generation();
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
          JdbcSigningKeys keys = node(db);
          String id = "k" + round + "_" + n;
          attempts.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return keys.rotate(seen, key(id, T0.plusSeconds(60)), T0.plusSeconds(60));
                  }));
        }
        int won = 0;
        for (Future<Boolean> attempt : attempts) {
          won += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
        assertThat(node(db).all()).hasSize(round + 1);
        assertThat(node(db).all().stream().filter(k -> k.retiredAt().isEmpty())).hasSize(1);
        assertThat(node(db).current().generation()).isEqualTo(seen + 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUpgradedDatabaseKeepsSigningWithItsNewestActiveKey() {
    DataSource db = freshDatabase();
    Migrations.flyway(db).target("12").load().migrate();
    JdbcClient jdbc = JdbcClient.create(db);
    for (String[] k : new String[][] {{"old", "0"}, {"newest", "120"}, {"retired", "300"}}) {
      jdbc.sql(
              "INSERT INTO signing_keys (key_id, public_jwk, encrypted_private_key, created_at,"
                  + " retired_at) VALUES (?, '{}', 'AQ==', ?, ?)")
          .params(
              k[0],
              Columns.at(T0.plusSeconds(Long.parseLong(k[1]))),
              k[0].equals("retired") ? Columns.at(T0.plusSeconds(400)) : null)
          .update();
    }
    Migrations.flyway(db).load().migrate();

    CurrentSigningKey current = node(db).current();
    assertThat(current.generation()).isZero();
    assertThat(current.key().map(StoredSigningKey::keyId)).contains("newest");
  }
}
