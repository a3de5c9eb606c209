package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ApiKeys} promises: found by digest, keeping use, revocation, permissions, expiry. */
public abstract class ApiKeysContract extends PortContract {

  ApiKeys apiKeys;

  @BeforeEach
  void apiKeys() {
    apiKeys = stores.apiKeys();
  }

  @Test
  void apiKeysAreFoundByDigestAndKeepUseAndRevocation() {
    ApiKey key =
        new ApiKey(
            "key_1",
            ENV,
            "Backend",
            "digest-key",
            T0,
            ApiPermission.ALL,
            Optional.empty(),
            null,
            null);
    apiKeys.save(key);
    key.markUsed(T0.plusSeconds(5));
    key.revoke(T0.plusSeconds(9));
    apiKeys.save(key);
    ApiKey loaded = apiKeys.findByDigest("digest-key").orElseThrow();
    assertThat(loaded.lastUsedAt()).contains(T0.plusSeconds(5));
    assertThat(loaded.isActive()).isFalse();
    assertThat(apiKeys.forEnvironment(ENV)).hasSize(1);
    assertThat(apiKeys.forEnvironment(OTHER_ENV)).isEmpty();
    assertThat(apiKeys.findByDigest("digest-none")).isEmpty();
  }

  @Test
  void apiKeysKeepTheirPermissionsAndExpiry() {
    Instant expiry = T0.plusSeconds(3600);
    apiKeys.save(
        ApiKey.create(
            "key_2",
            ENV,
            "Gateway",
            "digest-gateway",
            Set.of(ApiPermission.TOKENS_INTROSPECT, ApiPermission.TOKENS_REVOKE),
            Optional.of(expiry),
            T0));
    ApiKey loaded = apiKeys.findByDigest("digest-gateway").orElseThrow();
    assertThat(loaded.permissions())
        .containsExactlyInAnyOrder(ApiPermission.TOKENS_INTROSPECT, ApiPermission.TOKENS_REVOKE);
    assertThat(loaded.expiresAt()).contains(expiry);
    assertThat(loaded.permits(ApiPermission.TOKENS_INTROSPECT, T0)).isTrue();
    assertThat(loaded.permits(ApiPermission.USERS_WRITE, T0)).isFalse();
    assertThat(loaded.permits(ApiPermission.TOKENS_INTROSPECT, expiry)).isFalse();
  }

  @Test
  void anEnvironmentsKeysAreListedOldestFirst() {
    Set<ApiPermission> introspect = Set.of(ApiPermission.TOKENS_INTROSPECT);
    apiKeys.save(
        ApiKey.create(
            "key_b", ENV, "B", "digest-b", introspect, Optional.empty(), T0.plusSeconds(1)));
    apiKeys.save(ApiKey.create("key_c", ENV, "C", "digest-c", introspect, Optional.empty(), T0));
    apiKeys.save(ApiKey.create("key_a", ENV, "A", "digest-a", introspect, Optional.empty(), T0));
    assertThat(apiKeys.forEnvironment(ENV))
        .extracting(ApiKey::id)
        .containsExactly("key_a", "key_c", "key_b");
  }

  @Test
  void aLoadedKeyIsACopyUntilSaved() {
    apiKeys.save(
        ApiKey.create(
            "key_1",
            ENV,
            "Backend",
            "digest-key",
            Set.of(ApiPermission.TOKENS_INTROSPECT),
            Optional.empty(),
            T0));
    apiKeys.findByDigest("digest-key").orElseThrow().revoke(T0.plusSeconds(1));
    assertThat(apiKeys.findByDigest("digest-key").orElseThrow().isActive()).isTrue();
    assertThat(apiKeys.forEnvironment(ENV).get(0).revokedAt()).isEmpty();
  }
}
