package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.application.service.Fixture.START;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.wallet.EmbeddedWallets.EmbeddedWallet;
import dev.stepup.application.service.user.UserService;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionTimeouts;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserServiceTest {

  private static final String EXTERNAL = "0xAbCdEf0123456789aBcDeF0123456789AbCdEf01";

  private final Fixture f = new Fixture();

  @Test
  void aNewUserHasTheirCredentialsInTheOrderGivenAndIsAudited() {
    User user =
        f.userService.create(
            new CreateUserCommand(
                ENV,
                Optional.of("Ann@Example.COM"),
                Optional.of("+1 415-555-0123"),
                List.of(EXTERNAL),
                true,
                ORIGIN));

    assertThat(user.credentials())
        .extracting(Credential::format, Credential::identifier, Credential::signInEnabled)
        .startsWith(
            tuple(CredentialFormat.EMAIL, "ann@example.com", true),
            tuple(CredentialFormat.PHONE_NUMBER, "+14155550123", true),
            tuple(CredentialFormat.BLOCKCHAIN, EXTERNAL.toLowerCase(), false));
    assertThat(user.credentials()).hasSize(4);
    Credential embedded = user.credentials().get(3);
    assertThat(embedded.isEmbeddedWallet()).isTrue();
    assertThat(user.credentials().get(0).alias()).contains("a••••@example.com");
    assertThat(user.credentials().get(1).alias()).contains("+1••••••0123");
    assertThat(f.userService.get(ENV, user.id()).credentials()).isEqualTo(user.credentials());
    assertThat(f.lastEvent(AuditEventType.USER_CREATED).userId()).contains(user.id());
  }

  @Test
  void theEmbeddedWalletKeyIsKeptEncrypted() {
    User user = f.createUser(ENV, Optional.empty(), Optional.empty(), true);
    Credential credential = user.credentials().get(0);

    EmbeddedWallet wallet = f.wallets.find(credential.id()).orElseThrow();

    byte[] key = f.cipher.decrypt(wallet.encryptedPrivateKey());
    assertThat(wallet.encryptedPrivateKey()).isNotEqualTo(key);
    assertThat(f.walletKeys.addressOf(key)).isEqualTo(wallet.address());
    assertThat(credential.identifier()).isEqualTo(wallet.address().toLowerCase());
    assertThat(wallet.userId()).isEqualTo(user.id());
  }

  @Test
  void aCredentialBelongsToOneUserPerEnvironment() {
    User ann = f.emailUser("ann@example.com");

    var refused = refusal(() -> f.emailUser("ANN@example.com"));

    assertThat(refused.refusal()).isEqualTo(Refusal.CREDENTIAL_IN_USE);
    assertThat(f.events(AuditEventType.USER_CREATED)).hasSize(1);
    assertThat(f.userService.get(ENV, ann.id())).isNotNull();
    assertThat(f.createUser(OTHER_ENV, Optional.of("ann@example.com"), Optional.empty(), false))
        .isNotNull();
  }

  @Test
  void usersOfAnotherEnvironmentAreNotFound() {
    User ann = f.emailUser("ann@example.com");

    assertThatThrownBy(() -> f.userService.get(OTHER_ENV, ann.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aSessionTokenAuthenticatesItsSessionUntilItExpires() {
    User ann = f.emailUser("ann@example.com");

    StartedSession started =
        f.userService.start(
            new StartSessionCommand(
                ENV, ann.id(), Optional.of(ann.credentials().get(0).id()), ORIGIN));

    assertThat(started.sessionToken()).startsWith("st_");
    assertThat(started.expiresAt()).isEqualTo(START.plus(Duration.ofHours(12)));
    assertThat(f.userService.session(ENV, started.sessionToken()))
        .get()
        .extracting(Session::id, Session::userId, Session::signInCredentialId)
        .containsExactly(started.sessionId(), ann.id(), Optional.of(ann.credentials().get(0).id()));
    assertThat(f.sessions.findByTokenDigest(started.sessionToken())).isEmpty();
    assertThat(f.userService.session(OTHER_ENV, started.sessionToken())).isEmpty();
    assertThat(f.userService.session(ENV, "st_guessed")).isEmpty();
    assertThat(f.lastEvent(AuditEventType.SESSION_STARTED).sessionId())
        .contains(started.sessionId());

    f.clock.advance(Duration.ofHours(12));
    assertThat(f.userService.session(ENV, started.sessionToken())).isEmpty();
  }

  @Test
  void aSessionCannotNameAnotherUsersCredential() {
    User ann = f.emailUser("ann@example.com");
    User bob = f.emailUser("bob@example.com");

    assertThatThrownBy(
            () ->
                f.userService.start(
                    new StartSessionCommand(
                        ENV, ann.id(), Optional.of(bob.credentials().get(0).id()), ORIGIN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                f.userService.start(
                    new StartSessionCommand(
                        ENV, ann.id(), Optional.of(new CredentialId("cred_x")), ORIGIN)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void endingASessionSignsItOutAndIsAudited() {
    User ann = f.emailUser("ann@example.com");
    StartedSession started =
        f.userService.start(new StartSessionCommand(ENV, ann.id(), Optional.empty(), ORIGIN));

    f.userService.end(new EndSessionUseCase.Command(ENV, started.sessionId(), ORIGIN));
    f.userService.end(new EndSessionUseCase.Command(ENV, started.sessionId(), ORIGIN));

    assertThat(f.userService.session(ENV, started.sessionToken())).isEmpty();
    assertThat(f.sessions.find(started.sessionId()).orElseThrow().endedAt()).contains(START);
    assertThat(f.lastEvent(AuditEventType.SESSION_ENDED).sessionId()).contains(started.sessionId());
  }

  @Test
  void aSessionOfAnotherEnvironmentCannotBeEndedFromHere() {
    User ann = f.emailUser("ann@example.com");
    StartedSession started =
        f.userService.start(new StartSessionCommand(ENV, ann.id(), Optional.empty(), ORIGIN));

    assertThatThrownBy(
            () ->
                f.userService.end(
                    new EndSessionUseCase.Command(OTHER_ENV, started.sessionId(), ORIGIN)))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.userService.session(ENV, started.sessionToken())).isPresent();
  }

  @Test
  void anApiKeyIsRecognisedOnlyInItsEnvironmentAndWhileActive() {
    String secret = "sk_acme_0123456789abcdef0123456789";
    ApiKey key =
        ApiKey.create(
            "key_1",
            ENV,
            "Backend",
            f.hasher.digest(secret),
            ApiPermission.ALL,
            Optional.empty(),
            START);
    f.apiKeys.save(key);

    assertThat(f.userService.apiKey(ENV, secret)).isTrue();
    assertThat(f.apiKeys.findByDigest(f.hasher.digest(secret)).orElseThrow().lastUsedAt())
        .contains(START);
    assertThat(f.userService.apiKey(OTHER_ENV, secret)).isFalse();
    assertThat(f.userService.apiKey(ENV, "sk_acme_wrong")).isFalse();
    assertThat(f.userService.apiKey(ENV, " ")).isFalse();

    key.revoke(START);
    f.apiKeys.save(key);
    assertThat(f.userService.apiKey(ENV, secret)).isFalse();
  }

  // ---- idle timeout ----------------------------------------------------------------------------

  /** Sessions as production starts them: 12 hours at most, 30 minutes idle. */
  private UserService withTimeouts(SessionTimeouts timeouts) {
    return new UserService(
        f.environments,
        f.users,
        f.sessions,
        f.apiKeys,
        f.tokens,
        f.wallets,
        f.walletKeys,
        f.cipher,
        f.hasher,
        f.transactions,
        f.audit,
        f.clock,
        timeouts);
  }

  @Test
  void aSessionLeftUnusedForThirtyMinutesIsNoLongerRecognised() {
    UserService users = withTimeouts(SessionTimeouts.DEFAULTS);
    User ann = f.emailUser("ann@example.com");
    StartedSession started =
        users.start(new StartSessionCommand(ENV, ann.id(), Optional.empty(), ORIGIN));

    f.clock.advance(Duration.ofMinutes(31));

    assertThat(users.session(ENV, started.sessionToken())).isEmpty();
    assertThat(f.sessions.find(started.sessionId()).orElseThrow().isActive(f.clock.instant()))
        .isFalse();
  }

  @Test
  void useEveryTwentyMinutesKeepsASessionUntilItsLifetimeEnds() {
    UserService users = withTimeouts(SessionTimeouts.DEFAULTS);
    User ann = f.emailUser("ann@example.com");
    StartedSession started =
        users.start(new StartSessionCommand(ENV, ann.id(), Optional.empty(), ORIGIN));

    for (int i = 0; i < 35; i++) {
      f.clock.advance(Duration.ofMinutes(20));
      assertThat(users.session(ENV, started.sessionToken()))
          .as("after %d minutes", 20 * (i + 1))
          .isPresent();
    }
    assertThat(f.sessions.find(started.sessionId()).orElseThrow().lastSeenAt())
        .isEqualTo(f.clock.instant());
    f.clock.advance(Duration.ofMinutes(20));
    assertThat(users.session(ENV, started.sessionToken())).as("past 12 hours").isEmpty();
  }

  @Test
  void lastUseIsWrittenAtMostOnceAMinute() {
    UserService users = withTimeouts(SessionTimeouts.DEFAULTS);
    User ann = f.emailUser("ann@example.com");
    StartedSession started =
        users.start(new StartSessionCommand(ENV, ann.id(), Optional.empty(), ORIGIN));

    f.clock.advance(Duration.ofSeconds(30));
    users.session(ENV, started.sessionToken());
    assertThat(f.sessions.find(started.sessionId()).orElseThrow().lastSeenAt()).isEqualTo(START);

    f.clock.advance(Duration.ofSeconds(30));
    users.session(ENV, started.sessionToken());
    assertThat(f.sessions.find(started.sessionId()).orElseThrow().lastSeenAt())
        .isEqualTo(START.plusSeconds(60));
  }

  @Test
  void configuredTimeoutsApplyToNewSessions() {
    UserService users =
        withTimeouts(new SessionTimeouts(Duration.ofHours(1), Duration.ofMinutes(5)));
    User ann = f.emailUser("ann@example.com");
    StartedSession started =
        users.start(new StartSessionCommand(ENV, ann.id(), Optional.empty(), ORIGIN));

    assertThat(started.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
    f.clock.advance(Duration.ofMinutes(4));
    assertThat(users.session(ENV, started.sessionToken())).isPresent();
    f.clock.advance(Duration.ofMinutes(5));
    assertThat(users.session(ENV, started.sessionToken())).isEmpty();
  }

  @Test
  void aLapsedSessionCannotActAnyMore() {
    UserService users = withTimeouts(SessionTimeouts.DEFAULTS);
    User ann = f.emailUser("ann@example.com");
    StartedSession started =
        users.start(new StartSessionCommand(ENV, ann.id(), Optional.empty(), ORIGIN));
    var context =
        new dev.stepup.application.port.in.stepup.SessionContext(ENV, started.sessionId(), ORIGIN);
    f.clock.advance(Duration.ofMinutes(31));

    assertThat(refusal(() -> f.credentials.me(context)).refusal()).isEqualTo(Refusal.INVALID_TOKEN);
  }
}
