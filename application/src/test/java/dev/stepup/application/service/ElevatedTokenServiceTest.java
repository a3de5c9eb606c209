package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.Introspection;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.token.ListElevatedTokensQuery;
import dev.stepup.application.port.in.token.RevokeCommand;
import dev.stepup.application.port.in.token.TokenPage;
import dev.stepup.application.port.in.token.TokenSummary;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.session.SessionTimeouts;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ElevatedTokenServiceTest {

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser("ann@example.com");
  private final SessionContext session = f.signIn(ann);

  private Introspection introspect(String token, Optional<Scope> scope, boolean consume) {
    return f.introspection.introspect(new IntrospectCommand(ENV, token, scope, consume, ORIGIN));
  }

  // ---- issue -----------------------------------------------------------------------------------

  @Test
  void aSingleUseScopeGetsAFiveMinuteSingleUseToken() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);

    assertThat(issued.singleUse()).isTrue();
    assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(issued.scopes()).containsExactly(Scope.WALLET_EXPORT);
  }

  @Test
  void aMultiUseScopeGetsATenMinuteMultiUseToken() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_SIGN);

    assertThat(issued.singleUse()).isFalse();
    assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aTokenIsSingleUseWhenAnyOfItsScopesIs() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_SIGN, Scope.WALLET_EXPORT);

    assertThat(issued.singleUse()).isTrue();
    assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(issued.scopes()).containsExactlyInAnyOrder(Scope.WALLET_SIGN, Scope.WALLET_EXPORT);
  }

  @Test
  void theTokenUseFollowsTheSettingOfTheTokensOwnEnvironment() {
    f.changeSettings(
        ENV, s -> s.withAction(new ProtectedAction(Scope.WALLET_SIGN, true, TokenUse.SINGLE)));
    f.changeSettings(
        OTHER_ENV,
        s -> s.withAction(new ProtectedAction(Scope.WALLET_EXPORT, true, TokenUse.MULTI)));
    User bob = f.createUser(OTHER_ENV, Optional.of("bob@example.com"), Optional.empty(), false);
    SessionContext bobSession = f.signIn(bob);

    assertThat(f.issueToken(session, Scope.WALLET_SIGN).singleUse()).isTrue();
    assertThat(f.issueToken(session, Scope.WALLET_EXPORT).singleUse()).isTrue();
    assertThat(f.issueToken(bobSession, Scope.WALLET_SIGN).singleUse()).isFalse();
    IssuedElevatedToken export = f.issueToken(bobSession, Scope.WALLET_EXPORT);
    assertThat(export.singleUse()).isFalse();
    assertThat(export.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void theIssuedTokenIsRecordedActiveAndAudited() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);

    ElevatedToken record = f.tokens.find(issued.tokenId()).orElseThrow();
    assertThat(record.userId()).isEqualTo(ann.id());
    assertThat(record.sessionId()).contains(session.sessionId());
    assertThat(record.environmentId()).isEqualTo(ENV);
    assertThat(record.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(record.method()).contains(VerificationMethod.EMAIL_OTP);
    assertThat(record.issuedAt()).isEqualTo(START);
    assertThat(record.expiresAt()).isEqualTo(issued.expiresAt());
    assertThat(record.state(f.clock.instant())).isEqualTo(TokenState.ACTIVE);

    AuditEvent event = f.lastEvent(AuditEventType.TOKEN_ISSUED);
    assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
    assertThat(event.userId()).contains(ann.id());
    assertThat(event.sessionId()).contains(session.sessionId());
    assertThat(event.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(event.method()).contains(VerificationMethod.EMAIL_OTP);
    assertThat(event.reason()).contains(issued.tokenId().value());
    assertThat(event.reason().orElseThrow()).doesNotContain(issued.elevatedAccessToken());
  }

  @Test
  void theSignedClaimsCarryHowTheUserVerifiedOrThatABackendIssuedIt() {
    IssuedElevatedToken verified = f.issueToken(session, Scope.WALLET_SIGN);
    IssuedElevatedToken byBackend =
        f.tokenService.issue(
            new IssueElevatedTokenCommand(
                ENV,
                ann.id(),
                Optional.of(session.sessionId()),
                Set.of(Scope.WALLET_SIGN),
                Optional.empty(),
                ORIGIN));

    var claims = f.signer.claimsOf(verified.elevatedAccessToken()).orElseThrow();
    assertThat(claims.amr()).containsExactly("otp", "email");
    assertThat(claims.userId()).isEqualTo(ann.id());
    assertThat(claims.environmentId()).isEqualTo(ENV);
    assertThat(claims.sessionId()).contains(session.sessionId());
    assertThat(claims.tokenId()).isEqualTo(verified.tokenId());
    assertThat(claims.singleUse()).isFalse();
    assertThat(f.signer.claimsOf(byBackend.elevatedAccessToken()).orElseThrow().amr())
        .containsExactly("backend");
  }

  @Test
  void theSignedClaimsCarryTheAuthenticationLevelAndTime() {
    f.clock.advance(Duration.ofSeconds(42));
    IssuedElevatedToken verified = f.issueToken(session, Scope.WALLET_SIGN);
    IssuedElevatedToken byBackend =
        f.tokenService.issue(
            new IssueElevatedTokenCommand(
                ENV,
                ann.id(),
                Optional.of(session.sessionId()),
                Set.of(Scope.WALLET_SIGN),
                Optional.empty(),
                ORIGIN));

    var claims = f.signer.claimsOf(verified.elevatedAccessToken()).orElseThrow();
    assertThat(claims.acr()).isEqualTo("urn:stepup:acr:reauth");
    assertThat(claims.authTime()).isEqualTo(START.plusSeconds(42));
    assertThat(f.signer.claimsOf(byBackend.elevatedAccessToken()).orElseThrow().acr())
        .isEqualTo("urn:stepup:acr:host");
  }

  @Test
  void anActiveTokenIsIntrospectedWithAmrAcrAndAuthTime() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_SIGN);
    f.clock.advance(Duration.ofMinutes(2));

    Introspection active = introspect(issued.elevatedAccessToken(), Optional.empty(), false);

    assertThat(active.active()).isTrue();
    assertThat(active.sub()).contains(ann.id());
    assertThat(active.amr()).containsExactly("otp", "email");
    assertThat(active.acr()).contains("urn:stepup:acr:reauth");
    assertThat(active.authTime()).contains(START);
  }

  @Test
  void aTokenEarnedWithAnAuthenticatorAppIsIntrospectedAtTheMfaLevel() {
    Fixture.Enrolled app = f.enrolTotpByEmail(session, "ann@example.com");
    f.clock.advance(Fixture.TOTP_STEP);
    IssuedElevatedToken issued =
        f.codes.verifyTotp(
            session,
            JdkTotp.codeAt(app.secret(), f.clock.instant()),
            Optional.empty(),
            Set.of(Scope.WALLET_SIGN));

    Introspection active = introspect(issued.elevatedAccessToken(), Optional.empty(), false);

    assertThat(active.acr()).contains("urn:stepup:acr:mfa");
    assertThat(active.amr()).containsExactly("otp", "totp");
  }

  @Test
  void aTokenCannotBeIssuedIntoAnotherUsersOrAnEndedSession() {
    User bob = f.emailUser("bob@example.com");
    SessionContext bobSession = f.signIn(bob);

    assertThatThrownBy(
            () ->
                f.tokenService.issue(
                    new IssueElevatedTokenCommand(
                        ENV,
                        ann.id(),
                        Optional.of(bobSession.sessionId()),
                        Set.of(Scope.WALLET_SIGN),
                        Optional.empty(),
                        ORIGIN)))
        .isInstanceOf(NotFoundException.class);

    f.userService.end(new EndSessionUseCase.Command(ENV, session.sessionId(), ORIGIN));
    assertThatThrownBy(() -> f.issueToken(session, Scope.WALLET_SIGN))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).isEmpty();
  }

  @Test
  void aUserOfAnotherEnvironmentGetsNoToken() {
    assertThatThrownBy(
            () ->
                f.tokenService.issue(
                    new IssueElevatedTokenCommand(
                        OTHER_ENV,
                        ann.id(),
                        Optional.empty(),
                        Set.of(Scope.WALLET_SIGN),
                        Optional.empty(),
                        ORIGIN)))
        .isInstanceOf(NotFoundException.class);
  }

  // ---- introspect ------------------------------------------------------------------------------

  @Test
  void introspectingAnActiveTokenDescribesItWithoutSpendingIt() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);

    Introspection first = introspect(issued.elevatedAccessToken(), Optional.empty(), false);
    Introspection second =
        introspect(issued.elevatedAccessToken(), Optional.of(Scope.WALLET_EXPORT), false);

    assertThat(first.active()).isTrue();
    assertThat(first.sub()).contains(ann.id());
    assertThat(first.sid()).contains(session.sessionId());
    assertThat(first.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(first.singleUse()).isTrue();
    assertThat(first.expiresAt()).contains(issued.expiresAt());
    assertThat(first.state()).contains(TokenState.ACTIVE);
    assertThat(second.active()).isTrue();
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void aTokenIsNotActiveForAScopeItDoesNotCarry() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);

    assertThat(
            introspect(issued.elevatedAccessToken(), Optional.of(Scope.WALLET_SIGN), false)
                .active())
        .isFalse();
    assertThat(
            introspect(issued.elevatedAccessToken(), Optional.of(Scope.WALLET_SIGN), true).active())
        .isFalse();
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void aSingleUseTokenIsConsumedExactlyOnce() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);

    Introspection first =
        introspect(issued.elevatedAccessToken(), Optional.of(Scope.WALLET_EXPORT), true);
    Introspection second =
        introspect(issued.elevatedAccessToken(), Optional.of(Scope.WALLET_EXPORT), true);

    assertThat(first.active()).isTrue();
    assertThat(second).isEqualTo(Introspection.inactive());
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.CONSUMED);
    assertThat(introspect(issued.elevatedAccessToken(), Optional.empty(), false).active())
        .isFalse();
    assertThat(f.lastEvent(AuditEventType.TOKEN_CONSUMED).reason())
        .contains(issued.tokenId().value());
    AuditEvent refused = f.lastEvent(AuditEventType.TOKEN_REFUSED);
    assertThat(refused.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
    assertThat(refused.reason()).contains("consumed");
    assertThat(f.events(AuditEventType.TOKEN_CONSUMED)).hasSize(1);
  }

  @Test
  void aMultiUseTokenSurvivesConsumingIntrospection() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_SIGN);

    assertThat(
            introspect(issued.elevatedAccessToken(), Optional.of(Scope.WALLET_SIGN), true).active())
        .isTrue();
    assertThat(
            introspect(issued.elevatedAccessToken(), Optional.of(Scope.WALLET_SIGN), true).active())
        .isTrue();
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void aTokenPresentedInAnotherEnvironmentRevealsNothingAndIsNotSpent() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);

    Introspection peek =
        f.introspection.introspect(
            new IntrospectCommand(
                OTHER_ENV, issued.elevatedAccessToken(), Optional.empty(), false, ORIGIN));
    Introspection spend =
        f.introspection.introspect(
            new IntrospectCommand(
                OTHER_ENV, issued.elevatedAccessToken(), Optional.empty(), true, ORIGIN));

    assertThat(peek).isEqualTo(Introspection.inactive());
    assertThat(spend).isEqualTo(Introspection.inactive());
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void aTokenOfASessionThatIdledOutIsInactive() {
    Session idle =
        Session.start(
            new SessionId("ses_idle"),
            ENV,
            ann.id(),
            Optional.empty(),
            f.clock.instant(),
            new SessionTimeouts(Duration.ofHours(1), Duration.ofMinutes(5)));
    f.sessions.create(idle, "digest-idle");
    IssuedElevatedToken issued =
        f.issueToken(new SessionContext(ENV, idle.id(), ORIGIN), Scope.WALLET_SIGN);
    f.clock.advance(Duration.ofMinutes(4));
    assertThat(introspect(issued.elevatedAccessToken(), Optional.empty(), false).active()).isTrue();

    f.clock.advance(Duration.ofMinutes(2));

    assertThat(introspect(issued.elevatedAccessToken(), Optional.empty(), false))
        .isEqualTo(Introspection.inactive());
    assertThat(introspect(issued.elevatedAccessToken(), Optional.empty(), true))
        .isEqualTo(Introspection.inactive());
    assertThat(f.lastEvent(AuditEventType.TOKEN_REFUSED).reason()).contains("session_ended");
  }

  @Test
  void aTokenAlteredButNamingARealTokenRevealsNothingAndSpendsNothing() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);
    // Same token id, other bytes: neither the recorded fingerprint nor a signature vouches for it.
    String altered = issued.elevatedAccessToken() + "0";
    assertThat(f.signer.idOf(altered)).isEqualTo(f.signer.idOf(issued.elevatedAccessToken()));

    assertThat(introspect(altered, Optional.of(Scope.WALLET_EXPORT), true))
        .isEqualTo(Introspection.inactive());
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void aTokenRecordedWithoutAFingerprintIsStillSpentByItsSignature() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);
    ElevatedToken recorded = f.tokens.find(issued.tokenId()).orElseThrow();
    f.tokens.forgetFingerprint(recorded.id());

    assertThat(introspect(issued.elevatedAccessToken(), Optional.of(Scope.WALLET_EXPORT), true))
        .extracting(Introspection::active)
        .isEqualTo(true);
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.CONSUMED);
  }

  @Test
  void anUnknownTokenRevealsNothing() {
    assertThat(introspect("not-a-token", Optional.empty(), true))
        .isEqualTo(Introspection.inactive());
  }

  @Test
  void anExpiredTokenIsInactiveAndCannotBeConsumed() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);
    f.clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(introspect(issued.elevatedAccessToken(), Optional.empty(), false).active()).isTrue();

    f.clock.advance(Duration.ofMillis(1));
    Introspection peek = introspect(issued.elevatedAccessToken(), Optional.empty(), false);
    Introspection spend = introspect(issued.elevatedAccessToken(), Optional.empty(), true);

    assertThat(peek).isEqualTo(Introspection.inactive());
    assertThat(spend).isEqualTo(Introspection.inactive());
    assertThat(f.lastEvent(AuditEventType.TOKEN_REFUSED).reason()).contains("expired");
  }

  // ---- revoke ----------------------------------------------------------------------------------

  @Test
  void aRevokedTokenIsInactiveAndTheRevocationIsAuditedOnce() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_SIGN);
    RevokeCommand revoke =
        new RevokeCommand(ENV, issued.elevatedAccessToken(), "admin:carol", ORIGIN);

    f.tokenService.revoke(revoke);
    f.tokenService.revoke(revoke);

    Introspection after = introspect(issued.elevatedAccessToken(), Optional.empty(), true);
    assertThat(after).isEqualTo(Introspection.inactive());
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.REVOKED);
    assertThat(f.events(AuditEventType.TOKEN_REVOKED))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).contains("admin:carol");
              assertThat(e.userId()).contains(ann.id());
              assertThat(e.reason()).contains(issued.tokenId().value());
            });
  }

  @Test
  void revokingInAnotherEnvironmentOrAnUnknownTokenChangesNothing() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_SIGN);

    f.tokenService.revoke(
        new RevokeCommand(OTHER_ENV, issued.elevatedAccessToken(), "intruder", ORIGIN));
    f.tokenService.revoke(new RevokeCommand(ENV, "forged", "intruder", ORIGIN));

    assertThat(f.stateOf(issued)).isEqualTo(TokenState.ACTIVE);
    assertThat(f.events(AuditEventType.TOKEN_REVOKED)).isEmpty();
  }

  @Test
  void aConsumedTokenStaysConsumedWhenRevoked() {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);
    introspect(issued.elevatedAccessToken(), Optional.empty(), true);

    f.tokenService.revoke(new RevokeCommand(ENV, issued.elevatedAccessToken(), "admin", ORIGIN));

    assertThat(f.stateOf(issued)).isEqualTo(TokenState.CONSUMED);
    assertThat(f.events(AuditEventType.TOKEN_REVOKED)).isEmpty();
  }

  @Test
  void endingASessionRevokesItsTokensOnly() {
    IssuedElevatedToken sign = f.issueToken(session, Scope.WALLET_SIGN);
    IssuedElevatedToken export = f.issueToken(session, Scope.WALLET_EXPORT);
    SessionContext otherSession = f.signIn(ann);
    IssuedElevatedToken elsewhere = f.issueToken(otherSession, Scope.WALLET_SIGN);

    f.userService.end(new EndSessionUseCase.Command(ENV, session.sessionId(), ORIGIN));

    assertThat(f.stateOf(sign)).isEqualTo(TokenState.REVOKED);
    assertThat(f.stateOf(export)).isEqualTo(TokenState.REVOKED);
    assertThat(f.stateOf(elsewhere)).isEqualTo(TokenState.ACTIVE);
    assertThat(introspect(sign.elevatedAccessToken(), Optional.empty(), false).active()).isFalse();
  }

  // ---- list ------------------------------------------------------------------------------------

  @Test
  void theListShowsEachTokensStateNow() {
    IssuedElevatedToken consumed = f.issueToken(session, Scope.WALLET_EXPORT);
    introspect(consumed.elevatedAccessToken(), Optional.empty(), true);
    f.clock.advance(Duration.ofMinutes(1));
    IssuedElevatedToken active = f.issueToken(session, Scope.WALLET_SIGN);

    TokenPage all =
        f.tokenList.list(
            new ListElevatedTokensQuery(
                ENV, Optional.empty(), Optional.empty(), Optional.empty(), 0, 50));
    TokenPage activeOnly =
        f.tokenList.list(
            new ListElevatedTokensQuery(
                ENV, Optional.of(TokenState.ACTIVE), Optional.empty(), Optional.empty(), 0, 50));
    TokenPage elsewhere =
        f.tokenList.list(
            new ListElevatedTokensQuery(
                OTHER_ENV, Optional.empty(), Optional.empty(), Optional.empty(), 0, 50));

    assertThat(all.total()).isEqualTo(2);
    assertThat(all.tokens())
        .extracting(TokenSummary::id, TokenSummary::state)
        .containsExactly(
            tuple(active.tokenId(), TokenState.ACTIVE),
            tuple(consumed.tokenId(), TokenState.CONSUMED));
    assertThat(activeOnly.tokens()).extracting(TokenSummary::id).containsExactly(active.tokenId());
    assertThat(elsewhere.tokens()).isEmpty();
    assertThat(List.of(all.page(), all.pageSize())).containsExactly(0, 50);
  }

  @Test
  void ofConcurrentConsumingIntrospectionsExactlyOneIsActive() throws InterruptedException {
    IssuedElevatedToken issued = f.issueToken(session, Scope.WALLET_EXPORT);

    List<Object> outcomes =
        Fixture.race(
            8, () -> introspect(issued.elevatedAccessToken(), Optional.empty(), true).active());

    assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(1);
    assertThat(outcomes).filteredOn(Boolean.FALSE::equals).hasSize(7);
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.CONSUMED);
  }
}
