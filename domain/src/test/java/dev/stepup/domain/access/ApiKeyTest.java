package dev.stepup.domain.access;

import static dev.stepup.domain.access.ApiPermission.TOKENS_INTROSPECT;
import static dev.stepup.domain.access.ApiPermission.USERS_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
  private static final EnvironmentId ENV = new EnvironmentId("acme");

  private static ApiKey key(Set<ApiPermission> permissions, Optional<Instant> expiresAt) {
    return ApiKey.create("key_1", ENV, "Gateway", "digest", permissions, expiresAt, T0);
  }

  @Test
  void aKeyPermitsOnlyWhatItWasGranted() {
    ApiKey introspectOnly = key(Set.of(TOKENS_INTROSPECT), Optional.empty());

    assertThat(introspectOnly.permits(TOKENS_INTROSPECT, T0)).isTrue();
    assertThat(introspectOnly.permits(USERS_WRITE, T0)).isFalse();
    assertThat(introspectOnly.verdict(USERS_WRITE, T0)).isEqualTo(ApiKey.Verdict.NOT_PERMITTED);
  }

  @Test
  void aKeyWithAllPermissionsPermitsEveryEndpoint() {
    ApiKey all = key(ApiPermission.ALL, Optional.empty());

    for (ApiPermission p : ApiPermission.values()) {
      assertThat(all.permits(p, T0.plus(Duration.ofDays(3650)))).as(p.wire()).isTrue();
    }
  }

  @Test
  void anExpiredKeyPermitsNothingFromItsExpiryOn() {
    Instant expiry = T0.plus(Duration.ofDays(30));
    ApiKey key = key(ApiPermission.ALL, Optional.of(expiry));

    assertThat(key.permits(TOKENS_INTROSPECT, expiry.minusMillis(1))).isTrue();
    assertThat(key.permits(TOKENS_INTROSPECT, expiry)).isFalse();
    assertThat(key.verdict(TOKENS_INTROSPECT, expiry)).isEqualTo(ApiKey.Verdict.EXPIRED);
    assertThat(key.isUsable(expiry)).isFalse();
  }

  @Test
  void aRevokedKeyPermitsNothingEvenBeforeItsExpiry() {
    ApiKey key = key(ApiPermission.ALL, Optional.of(T0.plus(Duration.ofDays(30))));
    key.revoke(T0.plusSeconds(1));

    assertThat(key.permits(TOKENS_INTROSPECT, T0.plusSeconds(2))).isFalse();
    assertThat(key.verdict(TOKENS_INTROSPECT, T0.plusSeconds(2))).isEqualTo(ApiKey.Verdict.REVOKED);
  }

  @Test
  void aKeyCannotBeCreatedAlreadyExpiredOrWithoutPermissions() {
    assertThatThrownBy(() -> key(ApiPermission.ALL, Optional.of(T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiry");
    assertThatThrownBy(() -> key(Set.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permission");
  }

  @Test
  void permissionsAreReadByTheirWireNamesOnly() {
    assertThat(ApiPermission.fromWire("tokens:introspect")).isEqualTo(TOKENS_INTROSPECT);
    assertThatThrownBy(() -> ApiPermission.fromWire("admin:*"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
