package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.fakes.InMemoryPasskeys;
import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.credential.UnlinkCredentialUseCase;
import dev.stepup.application.port.in.mfa.ResetMfaUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.in.user.EndUserSessionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.mfa.ResetMfaService;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Who can end a user's sessions besides the user: their host backend ({@link UserSessionsService}),
 * an admin resetting their MFA, and removing the credential a session signed in with.
 */
class SessionEndingTest {

  private static final String ANN = "ann@example.com";

  private final Fixture f = new Fixture();
  private final User ann = f.createUser(ENV, Optional.of(ANN), Optional.of("+14155550123"), false);
  private final Credential email = Fixture.credential(ann, CredentialFormat.EMAIL);
  private final Credential phone = Fixture.credential(ann, CredentialFormat.PHONE_NUMBER);
  private final SessionContext byEmail = f.signIn(ann, email.id());
  private final SessionContext byPhone = f.signIn(ann, phone.id());

  private boolean active(SessionContext context) {
    return f.sessions.find(context.sessionId()).orElseThrow().isActive(f.clock.instant());
  }

  // ---- host backend ----------------------------------------------------------------------------

  @Test
  void theHostBackendListsTheUsersActiveSessionsNewestFirst() {
    f.clock.advance(Duration.ofSeconds(1));
    SessionContext newest = f.signIn(ann, email.id());
    f.userService.end(new EndSessionUseCase.Command(ENV, byEmail.sessionId(), ORIGIN));

    assertThat(f.userSessions.list(ENV, ann.id()))
        .extracting(Session::id)
        .containsExactly(newest.sessionId(), byPhone.sessionId());
  }

  @Test
  void endingASessionRevokesItsTokensAndLeavesTheOthers() {
    IssuedElevatedToken there = f.issueToken(byPhone, Scope.WALLET_SIGN);
    IssuedElevatedToken here = f.issueToken(byEmail, Scope.WALLET_SIGN);

    f.userSessions.end(
        new EndUserSessionUseCase.Command(ENV, ann.id(), byPhone.sessionId(), ORIGIN));
    f.userSessions.end(
        new EndUserSessionUseCase.Command(ENV, ann.id(), byPhone.sessionId(), ORIGIN));

    assertThat(active(byPhone)).isFalse();
    assertThat(f.stateOf(there)).isEqualTo(TokenState.REVOKED);
    assertThat(active(byEmail)).isTrue();
    assertThat(f.stateOf(here)).isEqualTo(TokenState.ACTIVE);
    assertThat(f.events(AuditEventType.SESSION_ENDED)).hasSize(1);
    assertThat(refusal(() -> f.credentials.me(byPhone)).refusal()).isEqualTo(Refusal.INVALID_TOKEN);
    assertThat(f.userSessions.list(ENV, ann.id()))
        .extracting(Session::id)
        .containsExactly(byEmail.sessionId());
  }

  @Test
  void anotherUsersSessionCannotBeEndedThroughThisUser() {
    User bob = f.emailUser("bob@example.com");
    SessionContext bobs = f.signIn(bob);

    assertThatThrownBy(
            () ->
                f.userSessions.end(
                    new EndUserSessionUseCase.Command(ENV, ann.id(), bobs.sessionId(), ORIGIN)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                f.userSessions.end(
                    new EndUserSessionUseCase.Command(
                        OTHER_ENV, bob.id(), bobs.sessionId(), ORIGIN)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                f.userSessions.end(
                    new EndUserSessionUseCase.Command(
                        ENV, ann.id(), new SessionId("ses_nope"), ORIGIN)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.userSessions.list(OTHER_ENV, ann.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.userSessions.list(ENV, new UserId("usr_nope")))
        .isInstanceOf(NotFoundException.class);
    assertThat(active(bobs)).isTrue();
  }

  // ---- admin reset, removed credential ---------------------------------------------------------

  @Test
  void anAdminsMfaResetEndsEveryOneOfTheUsersSessions() {
    ResetMfaService reset =
        new ResetMfaService(
            f.users,
            f.totpDevices,
            new InMemoryPasskeys(),
            f.recoveryCodes,
            f.tokens,
            f.sessions,
            f.transactions,
            f.notifier,
            f.audit,
            f.clock);
    f.enrolTotpByEmail(byEmail, ANN);
    User bob = f.emailUser("bob@example.com");
    SessionContext bobs = f.signIn(bob);

    reset.reset(new ResetMfaUseCase.Command(ENV, ann.id(), "root", ORIGIN));

    assertThat(active(byEmail)).isFalse();
    assertThat(active(byPhone)).isFalse();
    assertThat(f.userSessions.list(ENV, ann.id())).isEmpty();
    assertThat(active(bobs)).isTrue();
  }

  @Test
  void removingTheCredentialASessionSignedInWithEndsThatSession() {
    IssuedElevatedToken there = f.issueToken(byPhone, Scope.WALLET_SIGN);
    IssuedElevatedToken unlink = f.issueToken(byEmail, Scope.CREDENTIAL_UNLINK);

    f.credentials.unlink(
        new UnlinkCredentialUseCase.Command(
            byEmail, phone.id(), Optional.of(unlink.elevatedAccessToken())));

    assertThat(active(byPhone)).isFalse();
    assertThat(f.stateOf(there)).isEqualTo(TokenState.REVOKED);
    assertThat(active(byEmail)).isTrue();
  }

  @Test
  void removingTheCredentialTheActingSessionSignedInWithEndsItToo() {
    IssuedElevatedToken unlink = f.issueToken(byPhone, Scope.CREDENTIAL_UNLINK);

    f.credentials.unlink(
        new UnlinkCredentialUseCase.Command(
            byPhone, phone.id(), Optional.of(unlink.elevatedAccessToken())));

    assertThat(active(byPhone)).isFalse();
    assertThat(active(byEmail)).isTrue();
  }
}
