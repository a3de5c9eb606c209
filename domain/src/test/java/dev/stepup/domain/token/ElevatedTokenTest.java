package dev.stepup.domain.token;

import static dev.stepup.domain.Fixtures.ALICE;
import static dev.stepup.domain.Fixtures.BOB;
import static dev.stepup.domain.Fixtures.DEMO;
import static dev.stepup.domain.Fixtures.NOW;
import static dev.stepup.domain.Fixtures.PRODUCTION;
import static dev.stepup.domain.Fixtures.SESSION;
import static dev.stepup.domain.Fixtures.minutesAfterNow;
import static dev.stepup.domain.testdata.ElevatedTokenTestData.anElevatedToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.Acr;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.scope.UnknownScopeException;
import dev.stepup.domain.testdata.ElevatedTokenTestData.ElevatedTokenBuilder;
import dev.stepup.domain.token.TokenUseOutcome.Accepted;
import dev.stepup.domain.token.TokenUseOutcome.Reason;
import dev.stepup.domain.token.TokenUseOutcome.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ElevatedTokenTest {

  private static final ElevatedTokenId ID = new ElevatedTokenId("tok_1");

  /** A token of Alice's session, issued now. */
  private static ElevatedTokenBuilder aliceToken() {
    return anElevatedToken()
        .withId(ID.value())
        .in(DEMO)
        .forUser(ALICE)
        .inSession(SESSION)
        .issuedAt(NOW);
  }

  private static ElevatedToken issue(StepUpSettings settings, Set<Scope> scopes) {
    return aliceToken()
        .forScopes(scopes)
        .verifiedWith(VerificationMethod.TOTP)
        .under(settings)
        .build();
  }

  private static ElevatedToken issue(Scope first, Scope... more) {
    return issue(StepUpSettings.defaults(), Scope.setOf(first, more));
  }

  /** A single-use token for wallet:export, issued now, expiring in 5 minutes. */
  private static ElevatedToken singleUse() {
    return issue(Scope.WALLET_EXPORT);
  }

  /** A multi-use token for wallet:sign, issued now, expiring in 10 minutes. */
  private static ElevatedToken multiUse() {
    return issue(Scope.WALLET_SIGN);
  }

  private static TokenUseOutcome use(ElevatedToken token, Scope scope, Instant at) {
    return token.use(DEMO, ALICE, scope, at);
  }

  // --- issue --------------------------------------------------------------------------------

  @Test
  void issuedTokenRecordsWhoItIsForAndHowTheUserVerified() {
    ElevatedToken token = singleUse();

    assertThat(token.id()).isEqualTo(ID);
    assertThat(token.environmentId()).isEqualTo(DEMO);
    assertThat(token.userId()).isEqualTo(ALICE);
    assertThat(token.sessionId()).contains(SESSION);
    assertThat(token.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(token.method()).contains(VerificationMethod.TOTP);
    assertThat(token.issuedAt()).isEqualTo(NOW);
    assertThat(token.consumedAt()).isEmpty();
    assertThat(token.revokedAt()).isEmpty();
    assertThat(token.state(NOW)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void aTokenEarnedWithMfaCarriesTheMfaLevelAndWhenTheUserAuthenticated() {
    ElevatedToken token = singleUse();

    assertThat(token.acr()).isEqualTo(Acr.MFA);
    assertThat(token.acr().wire()).isEqualTo("urn:stepup:acr:mfa");
    assertThat(token.amr()).containsExactly("otp", "totp");
    assertThat(token.authTime()).isEqualTo(NOW);
  }

  @Test
  void aTokenEarnedByReauthenticationCarriesTheReauthLevel() {
    ElevatedToken token =
        aliceToken()
            .forScopes(Scope.WALLET_EXPORT)
            .verifiedWith(VerificationMethod.EMAIL_OTP)
            .build();

    assertThat(token.acr().wire()).isEqualTo("urn:stepup:acr:reauth");
    assertThat(token.amr()).containsExactly("otp", "email");
  }

  @Test
  void aTokenAHostBackendIssuedSaysSoAndClaimsNoVerificationHere() {
    ElevatedToken token =
        aliceToken().withoutSession().forScopes(Scope.WALLET_EXPORT).issuedByBackend().build();

    assertThat(token.acr()).isEqualTo(Acr.HOST_BACKEND);
    assertThat(token.acr().wire()).isEqualTo("urn:stepup:acr:host");
    assertThat(token.amr()).isEqualTo(List.of("backend"));
    assertThat(token.authTime()).isEqualTo(NOW);
  }

  @Test
  void tokenForASingleUseScopeIsSingleUseAndLivesFiveMinutes() {
    ElevatedToken token = singleUse();

    assertThat(token.singleUse()).isTrue();
    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void tokenForAMultiUseScopeIsMultiUseAndLivesTenMinutes() {
    ElevatedToken token = multiUse();

    assertThat(token.singleUse()).isFalse();
    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
  }

  @Test
  void tokenIsSingleUseWhenAnyRequestedScopeIsSingleUse() {
    ElevatedToken token = issue(Scope.WALLET_SIGN, Scope.WALLET_EXPORT);

    assertThat(token.singleUse()).isTrue();
    assertThat(token.expiresAt()).isEqualTo(minutesAfterNow(5));
    assertThat(token.scopes()).containsExactly(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
  }

  @Test
  void aHostScopesTokenLivesItsLifetimeAndAMixedTokenTheShortest() {
    Scope pay = Scope.host("payments:send", "send a payment");
    StepUpSettings settings =
        StepUpSettings.defaults()
            .withHostScope(
                new ProtectedAction(
                    pay, Enforcement.ENFORCE, TokenUse.MULTI, Duration.ofMinutes(2)))
            .withAction(
                ProtectedAction.byDefault(Scope.WALLET_EXPORT)
                    .withLifetime(Duration.ofMinutes(15)));

    ElevatedToken hostOnly = issue(settings, Set.of(Scope.parse("payments:send")));
    assertThat(hostOnly.expiresAt()).isEqualTo(minutesAfterNow(2));
    assertThat(hostOnly.singleUse()).isFalse();
    assertThat(hostOnly.scopes()).containsExactly(pay);
    assertThat(issue(settings, Set.of(Scope.WALLET_EXPORT)).expiresAt())
        .isEqualTo(minutesAfterNow(15));
    ElevatedToken mixed = issue(settings, Set.of(Scope.WALLET_EXPORT, pay));
    assertThat(mixed.expiresAt()).isEqualTo(minutesAfterNow(2));
    assertThat(mixed.singleUse()).isTrue();
  }

  @Test
  void noTokenIsIssuedForAScopeTheEnvironmentDoesNotKnow() {
    assertThatThrownBy(() -> issue(StepUpSettings.defaults(), Set.of(Scope.parse("payments:send"))))
        .isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void issueFollowsTheEnvironmentsConfigurationNotTheDefaults() {
    StepUpSettings settings =
        StepUpSettings.defaults()
            .withAction(new ProtectedAction(Scope.WALLET_EXPORT, true, TokenUse.MULTI))
            .withAction(new ProtectedAction(Scope.WALLET_SIGN, true, TokenUse.SINGLE));

    assertThat(issue(settings, Set.of(Scope.WALLET_EXPORT)).singleUse()).isFalse();
    assertThat(issue(settings, Set.of(Scope.WALLET_EXPORT)).expiresAt())
        .isEqualTo(minutesAfterNow(10));
    assertThat(issue(settings, Set.of(Scope.WALLET_SIGN)).singleUse()).isTrue();
    assertThat(issue(settings, Set.of(Scope.WALLET_SIGN)).expiresAt())
        .isEqualTo(minutesAfterNow(5));
  }

  @Test
  void tokenWithoutScopeIsRefused() {
    assertThatThrownBy(() -> issue(StepUpSettings.defaults(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                aliceToken()
                    .withoutSession()
                    .forScopes(Set.of())
                    .issuedByBackend()
                    .singleUse()
                    .expiringAt(minutesAfterNow(5))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one scope");
  }

  @Test
  void tokenMustExpireAfterItIsIssued() {
    assertThatThrownBy(
            () ->
                aliceToken()
                    .withoutSession()
                    .forScopes(Scope.WALLET_SIGN)
                    .issuedByBackend()
                    .multiUse()
                    .expiringAt(NOW)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expire after");
  }

  @Test
  void multiUseTokenCannotBeStoredAsConsumed() {
    assertThatThrownBy(
            () ->
                aliceToken()
                    .withoutSession()
                    .forScopes(Scope.WALLET_SIGN)
                    .issuedByBackend()
                    .multiUse()
                    .expiringAt(minutesAfterNow(10))
                    .consumedAt(minutesAfterNow(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single-use");
  }

  @Test
  void tokenScopesCannotBeChangedAfterIssue() {
    Set<Scope> requested = Scope.setOf(Scope.WALLET_SIGN);
    ElevatedToken token = issue(StepUpSettings.defaults(), requested);

    requested.add(Scope.WALLET_EXPORT);

    assertThat(token.scopes()).containsExactly(Scope.WALLET_SIGN);
    assertThatThrownBy(() -> token.scopes().add(Scope.WALLET_EXPORT))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- state -------------------------------------------------------------------------------

  @Test
  void tokenIsActiveUntilJustBeforeItExpires() {
    ElevatedToken token = singleUse();

    assertThat(token.state(NOW)).isEqualTo(TokenState.ACTIVE);
    assertThat(token.state(token.expiresAt().minusMillis(1))).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void tokenIsExpiredAtTheExactExpiryInstant() {
    ElevatedToken token = singleUse();

    assertThat(token.state(token.expiresAt())).isEqualTo(TokenState.EXPIRED);
    assertThat(token.state(token.expiresAt().plusSeconds(3600))).isEqualTo(TokenState.EXPIRED);
  }

  @Test
  void consumedTokenStaysConsumedAfterItWouldHaveExpired() {
    ElevatedToken token = singleUse();
    use(token, Scope.WALLET_EXPORT, minutesAfterNow(1));

    assertThat(token.state(minutesAfterNow(1))).isEqualTo(TokenState.CONSUMED);
    assertThat(token.state(minutesAfterNow(60))).isEqualTo(TokenState.CONSUMED);
  }

  @Test
  void revokedTokenStaysRevokedAfterItWouldHaveExpired() {
    ElevatedToken token = multiUse();
    token.revoke(minutesAfterNow(1));

    assertThat(token.state(minutesAfterNow(1))).isEqualTo(TokenState.REVOKED);
    assertThat(token.state(minutesAfterNow(60))).isEqualTo(TokenState.REVOKED);
  }

  @Test
  void storedConsumedTokenIsRebuiltAsConsumed() {
    ElevatedToken stored =
        aliceToken()
            .forScopes(Scope.WALLET_EXPORT)
            .verifiedWith(VerificationMethod.EMAIL_OTP)
            .singleUse()
            .expiringAt(minutesAfterNow(5))
            .consumedAt(minutesAfterNow(1))
            .build();

    assertThat(stored.state(minutesAfterNow(2))).isEqualTo(TokenState.CONSUMED);
    assertThat(stored.consumedAt()).contains(minutesAfterNow(1));
  }

  @Test
  void tokenStatesHaveLowerCaseWireNames() {
    assertThat(TokenState.values())
        .extracting(TokenState::wire)
        .containsExactly("active", "consumed", "expired", "revoked");
  }

  // --- covers --------------------------------------------------------------------------------

  @Test
  void activeTokenCoversOnlyItsScopes() {
    ElevatedToken token = issue(Scope.WALLET_SIGN, Scope.WALLET_REFRESH);

    assertThat(token.covers(Scope.WALLET_SIGN, NOW)).isTrue();
    assertThat(token.covers(Scope.WALLET_REFRESH, NOW)).isTrue();
    assertThat(token.covers(Scope.WALLET_EXPORT, NOW)).isFalse();
  }

  @Test
  void expiredTokenCoversNothing() {
    ElevatedToken token = multiUse();

    assertThat(token.covers(Scope.WALLET_SIGN, token.expiresAt())).isFalse();
  }

  @Test
  void consumedTokenCoversNothing() {
    ElevatedToken token = singleUse();
    use(token, Scope.WALLET_EXPORT, NOW);

    assertThat(token.covers(Scope.WALLET_EXPORT, NOW)).isFalse();
  }

  @Test
  void revokedTokenCoversNothing() {
    ElevatedToken token = multiUse();
    token.revoke(NOW);

    assertThat(token.covers(Scope.WALLET_SIGN, NOW)).isFalse();
  }

  // --- use -----------------------------------------------------------------------------------

  @Test
  void singleUseTokenIsConsumedByItsFirstUse() {
    ElevatedToken token = singleUse();

    TokenUseOutcome first = use(token, Scope.WALLET_EXPORT, minutesAfterNow(1));

    assertThat(first).isEqualTo(new Accepted(Optional.of(Scope.WALLET_EXPORT)));
    assertThat(token.consumedAt()).contains(minutesAfterNow(1));
    assertThat(token.state(minutesAfterNow(1))).isEqualTo(TokenState.CONSUMED);
  }

  @Test
  void singleUseTokenIsRefusedAsConsumedOnItsSecondUse() {
    ElevatedToken token = singleUse();
    use(token, Scope.WALLET_EXPORT, minutesAfterNow(1));

    TokenUseOutcome second = use(token, Scope.WALLET_EXPORT, minutesAfterNow(2));

    assertThat(second).isEqualTo(new Refused(Reason.CONSUMED));
    assertThat(token.consumedAt()).contains(minutesAfterNow(1));
  }

  @Test
  void spendingOneSingleUseScopeLeavesTheOthersUsable() {
    ElevatedToken token =
        issue(everyScopeSingleUse(), Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN));

    assertThat(use(token, Scope.WALLET_EXPORT, NOW))
        .isEqualTo(new Accepted(Optional.of(Scope.WALLET_EXPORT)));
    assertThat(use(token, Scope.WALLET_EXPORT, NOW)).isEqualTo(new Refused(Reason.CONSUMED));
    assertThat(token.state(Scope.WALLET_EXPORT, NOW)).isEqualTo(TokenState.CONSUMED);
    assertThat(token.state(Scope.WALLET_SIGN, NOW)).isEqualTo(TokenState.ACTIVE);
    assertThat(token.state(NOW)).isEqualTo(TokenState.ACTIVE);
    assertThat(token.usableScopes(NOW)).containsExactly(Scope.WALLET_SIGN);
    assertThat(token.consumedAt()).isEmpty();

    assertThat(use(token, Scope.WALLET_SIGN, minutesAfterNow(1)))
        .isEqualTo(new Accepted(Optional.of(Scope.WALLET_SIGN)));
    assertThat(use(token, Scope.WALLET_SIGN, minutesAfterNow(1)))
        .isEqualTo(new Refused(Reason.CONSUMED));
    assertThat(token.uses().spent())
        .containsEntry(Scope.WALLET_EXPORT, NOW)
        .containsEntry(Scope.WALLET_SIGN, minutesAfterNow(1));
    assertThat(token.consumedAt()).contains(minutesAfterNow(1));
    assertThat(token.state(minutesAfterNow(1))).isEqualTo(TokenState.CONSUMED);
    assertThat(token.usableScopes(minutesAfterNow(1))).isEmpty();
  }

  @Test
  void aMultiUseScopeStaysUsableAfterASingleUseScopeIsSpentAndTheTokenIsNeverUsedUp() {
    // Under the defaults wallet:export is single-use and wallet:sign multi-use.
    ElevatedToken token = issue(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
    assertThat(token.uses().singleUse()).containsExactly(Scope.WALLET_EXPORT);

    use(token, Scope.WALLET_SIGN, NOW);
    assertThat(use(token, Scope.WALLET_EXPORT, NOW))
        .isEqualTo(new Accepted(Optional.of(Scope.WALLET_EXPORT)));
    assertThat(use(token, Scope.WALLET_SIGN, minutesAfterNow(4)))
        .isEqualTo(new Accepted(Optional.empty()));
    assertThat(use(token, Scope.WALLET_EXPORT, minutesAfterNow(4)))
        .isEqualTo(new Refused(Reason.CONSUMED));
    assertThat(token.consumedAt()).isEmpty();
    assertThat(token.state(minutesAfterNow(4))).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void revokingEndsEveryScopeSpentOrNot() {
    ElevatedToken token =
        issue(everyScopeSingleUse(), Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN));
    use(token, Scope.WALLET_EXPORT, NOW);

    assertThat(token.revoke(minutesAfterNow(1))).isTrue();

    assertThat(use(token, Scope.WALLET_SIGN, minutesAfterNow(1)))
        .isEqualTo(new Refused(Reason.REVOKED));
    assertThat(token.usableScopes(minutesAfterNow(1))).isEmpty();
  }

  @Test
  void whichScopesAreSingleUseIsFixedAtIssuance() {
    StepUpSettings settings = everyScopeSingleUse();
    ElevatedToken token = issue(settings, Set.of(Scope.WALLET_SIGN));
    // A later change of the settings does not reach the token: it carries its own rule.
    assertThat(token.uses().isSingleUse(Scope.WALLET_SIGN)).isTrue();
    use(token, Scope.WALLET_SIGN, NOW);
    assertThat(use(token, Scope.WALLET_SIGN, NOW)).isEqualTo(new Refused(Reason.CONSUMED));
  }

  @Test
  void aTokenSpentAsAWholeIsUsedUpByItsFirstUse() {
    // As every token was before per-scope use (and legacy MFA tokens still are).
    ElevatedToken token =
        new ElevatedToken(
            ID,
            DEMO,
            ALICE,
            Optional.of(SESSION),
            Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
            Optional.of(VerificationMethod.TOTP),
            ScopeUses.wholeToken(Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN), true, null),
            NOW,
            minutesAfterNow(5),
            null);

    assertThat(use(token, Scope.WALLET_SIGN, NOW))
        .isEqualTo(new Accepted(Optional.of(Scope.WALLET_SIGN)));
    assertThat(use(token, Scope.WALLET_EXPORT, NOW)).isEqualTo(new Refused(Reason.CONSUMED));
    assertThat(token.consumedAt()).contains(NOW);
  }

  @Test
  void redeemWithoutAScopeIsRefusedWhenSeveralScopesAreSingleUseAndSpendsNothing() {
    ElevatedToken token =
        issue(everyScopeSingleUse(), Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN));

    assertThat(token.redeem(DEMO, Optional.empty(), NOW))
        .isEqualTo(new Refused(Reason.SCOPE_REQUIRED));
    assertThat(token.uses().spent()).isEmpty();
    assertThat(token.redeem(DEMO, Optional.of(Scope.WALLET_SIGN), NOW))
        .isEqualTo(new Accepted(Optional.of(Scope.WALLET_SIGN)));
  }

  @Test
  void redeemWithoutAScopeSpendsTheOnlySingleUseScope() {
    ElevatedToken token = issue(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

    assertThat(token.redeem(DEMO, Optional.empty(), NOW))
        .isEqualTo(new Accepted(Optional.of(Scope.WALLET_EXPORT)));
    assertThat(token.redeem(DEMO, Optional.empty(), NOW)).isEqualTo(new Refused(Reason.CONSUMED));
    assertThat(token.redeem(DEMO, Optional.of(Scope.WALLET_SIGN), NOW))
        .isEqualTo(new Accepted(Optional.empty()));
  }

  private static StepUpSettings everyScopeSingleUse() {
    return StepUpSettings.defaults()
        .withAction(new ProtectedAction(Scope.WALLET_SIGN, true, TokenUse.SINGLE));
  }

  @Test
  void multiUseTokenCanBeUsedAgainAndAgainUntilItExpires() {
    ElevatedToken token = multiUse();

    assertThat(use(token, Scope.WALLET_SIGN, NOW)).isEqualTo(new Accepted(Optional.empty()));
    assertThat(use(token, Scope.WALLET_SIGN, minutesAfterNow(5)))
        .isEqualTo(new Accepted(Optional.empty()));
    assertThat(use(token, Scope.WALLET_SIGN, token.expiresAt().minusMillis(1)))
        .isEqualTo(new Accepted(Optional.empty()));
    assertThat(token.consumedAt()).isEmpty();
    assertThat(token.state(minutesAfterNow(9))).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void multiUseTokenIsRefusedAsExpiredFromItsExpiryInstant() {
    ElevatedToken token = multiUse();
    use(token, Scope.WALLET_SIGN, NOW);

    assertThat(use(token, Scope.WALLET_SIGN, token.expiresAt()))
        .isEqualTo(new Refused(Reason.EXPIRED));
    assertThat(token.state(token.expiresAt())).isEqualTo(TokenState.EXPIRED);
  }

  @Test
  void singleUseTokenIsRefusedAsExpiredAfterFiveMinutes() {
    ElevatedToken token = singleUse();

    assertThat(use(token, Scope.WALLET_EXPORT, minutesAfterNow(5)))
        .isEqualTo(new Refused(Reason.EXPIRED));
    assertThat(token.consumedAt()).isEmpty();
  }

  @Test
  void revokedTokenIsRefused() {
    ElevatedToken token = multiUse();
    token.revoke(minutesAfterNow(1));

    assertThat(use(token, Scope.WALLET_SIGN, minutesAfterNow(2)))
        .isEqualTo(new Refused(Reason.REVOKED));
  }

  @Test
  void tokenIsRefusedForAScopeItDoesNotGrantAndIsNotConsumed() {
    ElevatedToken token = singleUse();

    assertThat(use(token, Scope.WALLET_SIGN, NOW)).isEqualTo(new Refused(Reason.SCOPE_NOT_GRANTED));
    assertThat(token.state(NOW)).isEqualTo(TokenState.ACTIVE);
    assertThat(use(token, Scope.WALLET_EXPORT, NOW))
        .isEqualTo(new Accepted(Optional.of(Scope.WALLET_EXPORT)));
  }

  @Test
  void tokenIsRefusedForAnotherUserAndIsNotConsumed() {
    ElevatedToken token = singleUse();

    assertThat(token.use(DEMO, BOB, Scope.WALLET_EXPORT, NOW))
        .isEqualTo(new Refused(Reason.WRONG_SUBJECT));
    assertThat(token.state(NOW)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void tokenIsRefusedInAnotherEnvironmentAndIsNotConsumed() {
    ElevatedToken token = singleUse();

    assertThat(token.use(PRODUCTION, ALICE, Scope.WALLET_EXPORT, NOW))
        .isEqualTo(new Refused(Reason.WRONG_ENVIRONMENT));
    assertThat(token.use(PRODUCTION, BOB, Scope.WALLET_EXPORT, NOW))
        .isEqualTo(new Refused(Reason.WRONG_ENVIRONMENT));
    assertThat(token.state(NOW)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void anotherUsersUseOfAConsumedTokenIsRefusedAsWrongSubject() {
    ElevatedToken token = singleUse();
    use(token, Scope.WALLET_EXPORT, NOW);

    assertThat(token.use(DEMO, BOB, Scope.WALLET_EXPORT, NOW))
        .isEqualTo(new Refused(Reason.WRONG_SUBJECT));
  }

  // --- redeem --------------------------------------------------------------------------------

  @Test
  void redeemWithoutScopeConsumesASingleUseToken() {
    ElevatedToken token = singleUse();

    assertThat(token.redeem(DEMO, Optional.empty(), NOW))
        .isEqualTo(new Accepted(Optional.of(Scope.WALLET_EXPORT)));
    assertThat(token.redeem(DEMO, Optional.empty(), NOW)).isEqualTo(new Refused(Reason.CONSUMED));
  }

  @Test
  void redeemWithAGrantedScopeAcceptsAMultiUseTokenWithoutConsumingIt() {
    ElevatedToken token = multiUse();

    assertThat(token.redeem(DEMO, Optional.of(Scope.WALLET_SIGN), NOW))
        .isEqualTo(new Accepted(Optional.empty()));
    assertThat(token.redeem(DEMO, Optional.of(Scope.WALLET_SIGN), minutesAfterNow(1)))
        .isEqualTo(new Accepted(Optional.empty()));
  }

  @Test
  void redeemWithAScopeTheTokenDoesNotGrantIsRefusedAndConsumesNothing() {
    ElevatedToken token = singleUse();

    assertThat(token.redeem(DEMO, Optional.of(Scope.CREDENTIAL_LINK), NOW))
        .isEqualTo(new Refused(Reason.SCOPE_NOT_GRANTED));
    assertThat(token.state(NOW)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void redeemInAnotherEnvironmentIsRefused() {
    assertThat(multiUse().redeem(PRODUCTION, Optional.empty(), NOW))
        .isEqualTo(new Refused(Reason.WRONG_ENVIRONMENT));
  }

  @Test
  void redeemOfAnExpiredOrRevokedTokenIsRefused() {
    ElevatedToken expired = multiUse();
    ElevatedToken revoked = multiUse();
    revoked.revoke(NOW);

    assertThat(expired.redeem(DEMO, Optional.empty(), minutesAfterNow(10)))
        .isEqualTo(new Refused(Reason.EXPIRED));
    assertThat(revoked.redeem(DEMO, Optional.empty(), NOW)).isEqualTo(new Refused(Reason.REVOKED));
  }

  // --- revoke --------------------------------------------------------------------------------

  @Test
  void revokingAnActiveTokenRevokesIt() {
    ElevatedToken token = multiUse();

    assertThat(token.revoke(minutesAfterNow(2))).isTrue();

    assertThat(token.revokedAt()).contains(minutesAfterNow(2));
    assertThat(token.state(minutesAfterNow(2))).isEqualTo(TokenState.REVOKED);
  }

  @Test
  void revokingTwiceIsHarmlessAndKeepsTheFirstRevocationTime() {
    ElevatedToken token = multiUse();
    token.revoke(minutesAfterNow(2));

    assertThat(token.revoke(minutesAfterNow(3))).isFalse();

    assertThat(token.revokedAt()).contains(minutesAfterNow(2));
    assertThat(token.state(minutesAfterNow(3))).isEqualTo(TokenState.REVOKED);
  }

  @Test
  void revokingAConsumedTokenLeavesItConsumed() {
    ElevatedToken token = singleUse();
    use(token, Scope.WALLET_EXPORT, minutesAfterNow(1));

    assertThat(token.revoke(minutesAfterNow(2))).isFalse();

    assertThat(token.revokedAt()).isEmpty();
    assertThat(token.state(minutesAfterNow(2))).isEqualTo(TokenState.CONSUMED);
  }

  @Test
  void revokingAnExpiredTokenLeavesItExpired() {
    ElevatedToken token = multiUse();

    assertThat(token.revoke(token.expiresAt())).isFalse();

    assertThat(token.revokedAt()).isEmpty();
    assertThat(token.state(token.expiresAt())).isEqualTo(TokenState.EXPIRED);
  }

  @Test
  void tokenIdMustNotBeBlank() {
    assertThatThrownBy(() -> new ElevatedTokenId(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ElevatedTokenId("tok_9")).hasToString("tok_9");
  }
}
