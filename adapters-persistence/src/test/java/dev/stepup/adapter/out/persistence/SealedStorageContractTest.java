package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.security.SealedSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the stores behind master-key rotation promise, on each database the product supports: the
 * sealed pepper changes only by compare-and-set, and every sealed column is walked in order, page
 * by page, and replaced only when unchanged.
 */
abstract class SealedStorageContractTest {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  JdbcClient jdbc;
  JdbcSealedKeys keys;
  JdbcSealedSecrets secrets;

  abstract DataSource freshDatabase();

  @BeforeEach
  void migrateAndConnect() {
    DataSource dataSource = freshDatabase();
    Migrations.flyway(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    keys = new JdbcSealedKeys(jdbc);
    secrets = new JdbcSealedSecrets(jdbc);
  }

  @Test
  void aSealedKeyIsAddedOnceAndReplacedOnlyFromWhatWasRead() {
    assertThat(keys.find("digest-pepper")).isEmpty();
    assertThat(keys.addIfAbsent("digest-pepper", bytes("first"))).isTrue();
    assertThat(keys.addIfAbsent("digest-pepper", bytes("second"))).isFalse();
    assertThat(keys.find("digest-pepper"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("first")));

    assertThat(keys.replace("digest-pepper", bytes("stale"), bytes("third"))).isFalse();
    assertThat(keys.replace("digest-pepper", bytes("first"), bytes("third"))).isTrue();
    assertThat(keys.find("digest-pepper"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("third")));
  }

  @Test
  void everySealedColumnIsWalkedInPagesAndReplacedOnlyWhenUnchanged() {
    jdbc.sql("INSERT INTO environments (id, name, step_up_enabled) VALUES ('demo', 'Demo', TRUE)")
        .update();
    jdbc.sql("INSERT INTO environments (id, name, step_up_enabled) VALUES ('prod', 'Prod', TRUE)")
        .update();
    jdbc.sql("INSERT INTO users (id, environment_id, created_at) VALUES ('usr_1', 'demo', ?)")
        .param(Columns.at(T0))
        .update();
    for (String id : List.of("totp_c", "totp_a", "totp_b")) {
      jdbc.sql(
              "INSERT INTO totp_devices (id, user_id, alias, encrypted_secret, last_step,"
                  + " created_at) VALUES (?, 'usr_1', 'Phone', ?, 0, ?)")
          .params(id, b64("secret of " + id), Columns.at(T0))
          .update();
    }
    jdbc.sql(
            "INSERT INTO embedded_wallets (id, user_id, address, encrypted_private_key,"
                + " created_at, key_updated_at) VALUES ('wal_1', 'usr_1', ?, ?, ?, ?)")
        .params("0x" + "1".repeat(40), b64("wallet key"), Columns.at(T0), Columns.at(T0))
        .update();
    jdbc.sql(
            "INSERT INTO signing_keys (key_id, public_jwk, encrypted_private_key, created_at)"
                + " VALUES ('k1', '{}', ?, ?)")
        .params(b64("signing key"), Columns.at(T0))
        .update();
    for (String env : List.of("prod", "demo")) {
      jdbc.sql(
              "INSERT INTO social_providers (environment_id, name, display_name, issuer,"
                  + " client_id, client_secret) VALUES (?, 'google', 'Google', 'https://i', 'c', ?)")
          .params(env, b64("client secret of " + env))
          .update();
    }

    for (String body : List.of("sealed body 9", "sealed body 10")) {
      jdbc.sql(
              "INSERT INTO deliveries (environment_id, channel, recipient, sealed_subject,"
                  + " sealed_body, status, attempts, created_at, next_attempt_at)"
                  + " VALUES ('demo', 'email', 'a@example.test', ?, ?, 'queued', 0, ?, ?)")
          .params(b64("subject"), b64(body), Columns.at(T0), Columns.at(T0))
          .update();
    }
    jdbc.sql(
            "INSERT INTO deliveries (environment_id, channel, recipient, status, attempts,"
                + " created_at, next_attempt_at) VALUES ('demo', 'email', 'b@example.test',"
                + " 'sent', 1, ?, ?)")
        .params(Columns.at(T0), Columns.at(T0))
        .update();

    assertThat(secrets.kinds())
        .containsExactly(
            "totp_secret",
            "wallet_key",
            "signing_key",
            "social_client_secret",
            "delivery_subject",
            "delivery_body",
            "admin_totp_secret",
            "webhook_secret");
    List<SealedSecrets.Sealed> bodies = secrets.page("delivery_body", "", 1);
    assertThat(bodies)
        .singleElement()
        .satisfies(b -> assertThat(b.ciphertext()).isEqualTo(bytes("sealed body 9")));
    // Erased bodies (sent messages) are skipped; ids order as numbers.
    assertThat(secrets.page("delivery_body", bodies.get(0).rowKey(), 5))
        .extracting(b -> new String(b.ciphertext(), StandardCharsets.UTF_8))
        .containsExactly("sealed body 10");
    assertThat(secrets.replace(bodies.get(0), bytes("resealed body"))).isTrue();
    List<SealedSecrets.Sealed> first = secrets.page("totp_secret", "", 2);
    assertThat(first).extracting(SealedSecrets.Sealed::rowKey).containsExactly("totp_a", "totp_b");
    assertThat(first.get(0).ciphertext()).isEqualTo(bytes("secret of totp_a"));
    assertThat(secrets.page("totp_secret", "totp_b", 2))
        .extracting(SealedSecrets.Sealed::rowKey)
        .containsExactly("totp_c");
    assertThat(secrets.page("wallet_key", "", 10)).hasSize(1);
    jdbc.sql(
            "INSERT INTO admin_accounts (username, password_hash, created_at, totp_secret,"
                + " totp_last_step) VALUES ('ops', 'hash', ?, ?, 1), ('plain', 'hash', ?, NULL,"
                + " NULL)")
        .params(Columns.at(T0), Columns.base64(bytes("admin secret")), Columns.at(T0))
        .update();
    // A webhook's signing secret is resealed when the master key rotates, like every other.
    new JdbcWebhookSettings(jdbc)
        .save(
            new dev.stepup.domain.webhook.WebhookSettings(
                new dev.stepup.domain.environment.EnvironmentId("demo"),
                dev.stepup.domain.webhook.WebhookEndpoint.parse("https://host.example/in", false),
                java.util.Set.of(dev.stepup.domain.webhook.WebhookEventType.LOCKOUT)),
            bytes("webhook secret"));
    List<SealedSecrets.Sealed> hooks = secrets.page("webhook_secret", "", 10);
    assertThat(hooks).extracting(SealedSecrets.Sealed::rowKey).containsExactly("demo");
    assertThat(hooks.get(0).ciphertext()).isEqualTo(bytes("webhook secret"));
    assertThat(secrets.replace(hooks.get(0), bytes("resealed webhook"))).isTrue();
    List<SealedSecrets.Sealed> adminSecrets = secrets.page("admin_totp_secret", "", 10);
    assertThat(adminSecrets).extracting(SealedSecrets.Sealed::rowKey).containsExactly("ops");
    assertThat(secrets.replace(adminSecrets.get(0), bytes("resealed admin"))).isTrue();
    assertThat(secrets.page("signing_key", "", 10)).hasSize(1);
    List<SealedSecrets.Sealed> providers = secrets.page("social_client_secret", "", 1);
    assertThat(providers).extracting(SealedSecrets.Sealed::rowKey).containsExactly("demo/google");
    assertThat(secrets.page("social_client_secret", "demo/google", 5))
        .extracting(SealedSecrets.Sealed::rowKey)
        .containsExactly("prod/google");

    SealedSecrets.Sealed demo = providers.get(0);
    assertThat(secrets.replace(demo, bytes("resealed"))).isTrue();
    assertThat(secrets.replace(demo, bytes("again from a stale read"))).isFalse();
    assertThat(secrets.page("social_client_secret", "", 1).get(0).ciphertext())
        .isEqualTo(bytes("resealed"));
    assertThat(secrets.page("social_client_secret", "demo/google", 1).get(0).ciphertext())
        .isEqualTo(bytes("client secret of prod"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(bytes(text));
  }
}
