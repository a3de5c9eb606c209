package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.application.service.Fixture.START;
import static dev.stepup.domain.access.ApiPermission.TOKENS_INTROSPECT;
import static dev.stepup.domain.access.ApiPermission.USERS_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreatedApiKey;
import dev.stepup.application.port.in.environment.RevokeApiKeyUseCase;
import dev.stepup.application.port.in.user.ApiKeyAccess;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.service.environment.EnvironmentAdminService;
import dev.stepup.application.service.user.RefusalAuditGate;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** API keys answer with their grants; refused keys and session tokens are audited, sparingly. */
class ApiKeyAccessTest {

  private final Fixture f = new Fixture();
  private final EnvironmentAdminService admin =
      new EnvironmentAdminService(
          f.environments, f.apiKeys, f.hasher, f.transactions, f.audit, f.clock);

  private String key(Set<ApiPermission> permissions, Optional<Instant> expiresAt) {
    return admin
        .createApiKey(
            new CreateApiKeyUseCase.Command(
                ENV, "Gateway", permissions, expiresAt, "admin", ORIGIN))
        .secret();
  }

  @Test
  void aKeyIsGrantedOnlyThePermissionsItWasCreatedWith() {
    String secret = key(Set.of(TOKENS_INTROSPECT), Optional.empty());

    ApiKeyAccess introspect = f.userService.apiKey(ENV, secret, TOKENS_INTROSPECT, ORIGIN);
    ApiKeyAccess createUser = f.userService.apiKey(ENV, secret, USERS_WRITE, ORIGIN);

    assertThat(introspect).isInstanceOf(ApiKeyAccess.Granted.class);
    assertThat(((ApiKeyAccess.Granted) introspect).grants()).containsExactly(TOKENS_INTROSPECT);
    assertThat(createUser)
        .isEqualTo(new ApiKeyAccess.Forbidden(USERS_WRITE, Set.of(TOKENS_INTROSPECT)));
    AuditEvent refused = f.lastEvent(AuditEventType.API_KEY_REFUSED);
    assertThat(refused.reason().orElseThrow()).contains("insufficient_permission", "users:write");
    assertThat(refused.environmentId()).contains(ENV);
  }

  @Test
  void anExpiredKeyIsRefusedLikeAnUnknownOne() {
    String secret = key(ApiPermission.ALL, Optional.of(START.plus(Duration.ofDays(1))));
    assertThat(f.userService.apiKey(ENV, secret, TOKENS_INTROSPECT, ORIGIN))
        .isInstanceOf(ApiKeyAccess.Granted.class);

    f.clock.advance(Duration.ofDays(1));

    assertThat(f.userService.apiKey(ENV, secret, TOKENS_INTROSPECT, ORIGIN))
        .isEqualTo(new ApiKeyAccess.Unauthenticated());
    assertThat(f.userService.apiKey(ENV, secret)).isFalse();
    assertThat(f.lastEvent(AuditEventType.API_KEY_REFUSED).reason().orElseThrow())
        .startsWith("expired API key key_");
  }

  @Test
  void unknownRevokedAndForeignKeysAreRefusedAndAuditedWithoutTheSecret() {
    String secret = key(ApiPermission.ALL, Optional.empty());
    String guessed = "sk_acme_guessed0123456789";

    assertThat(f.userService.apiKey(ENV, guessed, TOKENS_INTROSPECT, ORIGIN))
        .isEqualTo(new ApiKeyAccess.Unauthenticated());
    assertThat(f.userService.apiKey(OTHER_ENV, secret, TOKENS_INTROSPECT, ORIGIN))
        .isEqualTo(new ApiKeyAccess.Unauthenticated());
    String keyId = admin.apiKeys(ENV).get(0).id();
    admin.revokeApiKey(new RevokeApiKeyUseCase.Command(ENV, keyId, "admin", ORIGIN));
    assertThat(f.userService.apiKey(ENV, secret, TOKENS_INTROSPECT, ORIGIN))
        .isEqualTo(new ApiKeyAccess.Unauthenticated());

    assertThat(f.events(AuditEventType.API_KEY_REFUSED))
        .extracting(e -> e.reason().orElseThrow())
        .containsExactly(
            "unknown API key", "API key of another environment", "revoked API key " + keyId);
    assertThat(f.audit.events())
        .allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret).doesNotContain(guessed));
  }

  @Test
  void aFloodOfBadKeysLeavesOneAuditRowPerClientAndReasonPerMinute() {
    for (int i = 0; i < 200; i++) {
      f.userService.apiKey(ENV, "sk_acme_flood" + i, TOKENS_INTROSPECT, ORIGIN);
    }
    assertThat(f.events(AuditEventType.API_KEY_REFUSED)).hasSize(1);

    f.clock.advance(Duration.ofMinutes(1));
    f.userService.apiKey(ENV, "sk_acme_later", TOKENS_INTROSPECT, ORIGIN);
    f.userService.apiKey(
        ENV, "sk_acme_other", TOKENS_INTROSPECT, new RequestOrigin("198.51.100.9", "x"));
    assertThat(f.events(AuditEventType.API_KEY_REFUSED)).hasSize(3);
  }

  @Test
  void aFloodFromManyAddressesOrMadeUpEnvironmentsIsCappedToo() {
    for (int i = 0; i < 500; i++) {
      f.userService.apiKey(
          ENV,
          "sk_flood",
          TOKENS_INTROSPECT,
          new RequestOrigin("10.0." + i / 250 + "." + i % 250, ""));
      f.userService.apiKey(
          new EnvironmentId("made-up-" + i), "sk_flood", TOKENS_INTROSPECT, ORIGIN);
    }
    assertThat(f.events(AuditEventType.API_KEY_REFUSED))
        .hasSizeLessThanOrEqualTo(RefusalAuditGate.DEFAULT_CEILING);
    assertThat(f.events(AuditEventType.API_KEY_REFUSED))
        .filteredOn(e -> e.environmentId().isEmpty())
        .as("made-up environments from one client share one row")
        .hasSize(1);
  }

  @Test
  void refusedSessionTokensAreAuditedWithTheirReasonButNeverTheToken() {
    var user = f.createUser(ENV, Optional.of("ann@example.test"), Optional.empty(), false);
    StartedSession started =
        f.userService.start(
            new dev.stepup.application.port.in.user.StartSessionCommand(
                ENV, user.id(), Optional.empty(), ORIGIN));

    assertThat(f.userService.session(ENV, started.sessionToken(), ORIGIN)).isPresent();
    assertThat(f.userService.session(ENV, "st_guessed", ORIGIN)).isEmpty();
    assertThat(f.userService.session(OTHER_ENV, started.sessionToken(), ORIGIN)).isEmpty();
    f.userService.end(new EndSessionUseCase.Command(ENV, started.sessionId(), ORIGIN));
    assertThat(f.userService.session(ENV, started.sessionToken(), ORIGIN)).isEmpty();

    assertThat(f.events(AuditEventType.SESSION_TOKEN_REFUSED))
        .extracting(e -> e.reason().orElseThrow())
        .containsExactly(
            "unknown session token", "session of another environment", "session ended or expired");
    assertThat(f.audit.events())
        .allSatisfy(e -> assertThat(e.toString()).doesNotContain(started.sessionToken()));
  }

  @Test
  void anAdminChoosesPermissionsAndExpiryAndTheAuditSaysWhich() {
    Instant expiry = START.plus(Duration.ofDays(30));
    CreatedApiKey created =
        admin.createApiKey(
            new CreateApiKeyUseCase.Command(
                ENV, "Gateway", Set.of(TOKENS_INTROSPECT), Optional.of(expiry), "admin", ORIGIN));

    assertThat(created.key().permissions()).containsExactly(TOKENS_INTROSPECT);
    assertThat(created.key().expiresAt()).contains(expiry);
    assertThat(admin.apiKeys(ENV).get(0).usableAt(expiry)).isFalse();
    AuditEvent audited = f.lastEvent(AuditEventType.API_KEY_CREATED);
    assertThat(audited.reason().orElseThrow())
        .contains("tokens:introspect", "until " + expiry)
        .doesNotContain(created.secret());
    assertThatThrownBy(
            () ->
                admin.createApiKey(
                    new CreateApiKeyUseCase.Command(
                        ENV, "None", Set.of(), Optional.empty(), "admin", ORIGIN)))
        .hasMessageStartingWith("permissions:");
    assertThatThrownBy(
            () ->
                admin.createApiKey(
                    new CreateApiKeyUseCase.Command(
                        ENV, "Past", ApiPermission.ALL, Optional.of(START), "admin", ORIGIN)))
        .hasMessageStartingWith("expiry:");
  }
}
