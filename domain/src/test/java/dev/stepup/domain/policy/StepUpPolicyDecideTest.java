package dev.stepup.domain.policy;

import static dev.stepup.domain.Fixtures.ALICE;
import static dev.stepup.domain.Fixtures.BOB;
import static dev.stepup.domain.Fixtures.DEMO;
import static dev.stepup.domain.Fixtures.NOW;
import static dev.stepup.domain.Fixtures.OTHER_SESSION;
import static dev.stepup.domain.Fixtures.PRODUCTION;
import static dev.stepup.domain.Fixtures.SESSION;
import static dev.stepup.domain.Fixtures.alice;
import static dev.stepup.domain.Fixtures.contactEmail;
import static dev.stepup.domain.Fixtures.email;
import static dev.stepup.domain.Fixtures.embeddedWallet;
import static dev.stepup.domain.Fixtures.externalWallet;
import static dev.stepup.domain.Fixtures.google;
import static dev.stepup.domain.Fixtures.id;
import static dev.stepup.domain.Fixtures.minutesAfterNow;
import static dev.stepup.domain.Fixtures.passkey;
import static dev.stepup.domain.Fixtures.phone;
import static dev.stepup.domain.Fixtures.session;
import static dev.stepup.domain.Fixtures.sessionSignedInWith;
import static dev.stepup.domain.Fixtures.tokenFor;
import static dev.stepup.domain.Fixtures.totp;
import static dev.stepup.domain.Fixtures.without;
import static dev.stepup.domain.testdata.ElevatedTokenTestData.anElevatedToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpDecision.NotRequired;
import dev.stepup.domain.policy.StepUpDecision.NotRequired.Why;
import dev.stepup.domain.policy.StepUpDecision.Path;
import dev.stepup.domain.policy.StepUpDecision.Required;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.user.User;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per row of the policy in DESIGN.md section 3. */
class StepUpPolicyDecideTest {

  private final StepUpPolicy policy = new StepUpPolicy();

  private StepUpDecision decide(StepUpSettings settings, User user, Session session) {
    return decide(settings, user, session, List.of());
  }

  private StepUpDecision decide(
      StepUpSettings settings, User user, Session session, Collection<ElevatedToken> tokens) {
    return policy.decide(settings, user, session, Scope.WALLET_EXPORT, tokens, NOW);
  }

  private static Required required(StepUpDecision decision) {
    assertThat(decision.isRequired()).isTrue();
    assertThat(decision).isInstanceOf(Required.class);
    return (Required) decision;
  }

  // --- row 1: step-up off, scope not protected ---------------------------------------------

  @Test
  void nothingIsRequiredWhenStepUpIsOffForTheEnvironment() {
    User user = alice(email("email", 1), passkey("pk", 2));

    StepUpDecision decision = decide(StepUpSettings.defaults().withEnabled(false), user, session());

    assertThat(decision).isEqualTo(new NotRequired(Why.STEP_UP_DISABLED));
    assertThat(decision.isRequired()).isFalse();
  }

  @Test
  void nothingIsRequiredForAScopeTheAdminLeftUnprotected() {
    User user = alice(email("email", 1), passkey("pk", 2));
    StepUpSettings settings =
        StepUpSettings.defaults()
            .withAction(new ProtectedAction(Scope.WALLET_EXPORT, false, TokenUse.SINGLE));

    assertThat(decide(settings, user, session()))
        .isEqualTo(new NotRequired(Why.SCOPE_NOT_PROTECTED));
  }

  @Test
  void unprotectingOneScopeLeavesTheOthersProtected() {
    User user = alice(email("email", 1));
    StepUpSettings settings =
        StepUpSettings.defaults()
            .withAction(new ProtectedAction(Scope.WALLET_SIGN, false, TokenUse.MULTI));

    assertThat(
            policy
                .decide(settings, user, session(), Scope.WALLET_EXPORT, List.of(), NOW)
                .isRequired())
        .isTrue();
  }

  @Test
  void stepUpOffWinsEvenWhenTheUserCouldNotVerify() {
    User nothingToVerifyWith = alice();

    assertThat(decide(StepUpSettings.defaults().withEnabled(false), nothingToVerifyWith, session()))
        .isEqualTo(new NotRequired(Why.STEP_UP_DISABLED));
  }

  // --- row 2: a valid elevated token presented by the client ----------------------------------

  @Test
  void sessionHoldingAnActiveTokenForTheScopeNeedsNoStepUp() {
    User user = alice(email("email", 1));

    assertThat(
            decide(
                StepUpSettings.defaults(), user, session(), List.of(tokenFor(Scope.WALLET_EXPORT))))
        .isEqualTo(new NotRequired(Why.VALID_TOKEN_HELD));
  }

  @Test
  void tokenForSeveralScopesCoversEachOfThem() {
    User user = alice(email("email", 1));
    ElevatedToken token = tokenFor(Scope.WALLET_SIGN, Scope.WALLET_EXPORT);

    assertThat(decide(StepUpSettings.defaults(), user, session(), List.of(token)))
        .isEqualTo(new NotRequired(Why.VALID_TOKEN_HELD));
  }

  @Test
  void tokenForAnotherScopeDoesNotCount() {
    User user = alice(email("email", 1));

    assertThat(
            decide(StepUpSettings.defaults(), user, session(), List.of(tokenFor(Scope.WALLET_SIGN)))
                .isRequired())
        .isTrue();
  }

  @Test
  void tokenOfAnotherSessionDoesNotCount() {
    User user = alice(email("email", 1));
    ElevatedToken otherSessions =
        tokenFor(Optional.of(OTHER_SESSION), Scope.setOf(Scope.WALLET_EXPORT));

    assertThat(
            decide(StepUpSettings.defaults(), user, session(), List.of(otherSessions)).isRequired())
        .isTrue();
  }

  @Test
  void tokenIssuedWithoutASessionDoesNotCount() {
    User user = alice(email("email", 1));
    ElevatedToken hostIssued = tokenFor(Optional.empty(), Scope.setOf(Scope.WALLET_EXPORT));

    assertThat(decide(StepUpSettings.defaults(), user, session(), List.of(hostIssued)).isRequired())
        .isTrue();
  }

  @Test
  void tokenOfAnotherUserDoesNotCount() {
    User user = alice(email("email", 1));
    ElevatedToken bobs =
        anElevatedToken()
            .withId("tok_bob")
            .in(DEMO)
            .forUser(BOB)
            .inSession(SESSION)
            .forScopes(Scope.WALLET_EXPORT)
            .issuedAt(NOW)
            .build();

    assertThat(decide(StepUpSettings.defaults(), user, session(), List.of(bobs)).isRequired())
        .isTrue();
  }

  @Test
  void tokenOfAnotherEnvironmentDoesNotCount() {
    User user = alice(email("email", 1));
    ElevatedToken foreign =
        anElevatedToken()
            .withId("tok_elsewhere")
            .in(PRODUCTION)
            .forUser(ALICE)
            .inSession(SESSION)
            .forScopes(Scope.WALLET_EXPORT)
            .issuedAt(NOW)
            .build();

    assertThat(decide(StepUpSettings.defaults(), user, session(), List.of(foreign)).isRequired())
        .isTrue();
  }

  @Test
  void consumedTokenDoesNotCount() {
    User user = alice(email("email", 1));
    ElevatedToken consumed = tokenFor(Scope.WALLET_EXPORT);
    consumed.use(DEMO, ALICE, Scope.WALLET_EXPORT, NOW);

    assertThat(decide(StepUpSettings.defaults(), user, session(), List.of(consumed)).isRequired())
        .isTrue();
  }

  @Test
  void expiredTokenDoesNotCount() {
    User user = alice(email("email", 1));
    ElevatedToken token = tokenFor(Scope.WALLET_EXPORT);

    StepUpDecision atExpiry =
        policy.decide(
            StepUpSettings.defaults(),
            user,
            session(),
            Scope.WALLET_EXPORT,
            List.of(token),
            token.expiresAt());

    assertThat(atExpiry.isRequired()).isTrue();
  }

  @Test
  void revokedTokenDoesNotCount() {
    User user = alice(email("email", 1));
    ElevatedToken revoked = tokenFor(Scope.WALLET_EXPORT);
    revoked.revoke(NOW);

    assertThat(decide(StepUpSettings.defaults(), user, session(), List.of(revoked)).isRequired())
        .isTrue();
  }

  @Test
  void oneValidTokenAmongSpentOnesIsEnough() {
    User user = alice(email("email", 1));
    ElevatedToken revoked = tokenFor(Scope.WALLET_EXPORT);
    revoked.revoke(NOW);
    ElevatedToken valid = tokenFor(Scope.WALLET_EXPORT);

    assertThat(decide(StepUpSettings.defaults(), user, session(), List.of(revoked, valid)))
        .isEqualTo(new NotRequired(Why.VALID_TOKEN_HELD));
  }

  // --- row 3: MFA path -------------------------------------------------------------------------

  @Test
  void mfaUserWithPasskeyAndTotpIsOfferedOnlyTheirMfaDevices() {
    Credential email = email("email", 1);
    User user =
        alice(email, phone("phone", 2), passkey("pk", 3), google("google", 4), totp("totp", 5));

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(email)));

    assertThat(decision.path()).isEqualTo(Path.MFA);
    assertThat(decision.credentials())
        .extracting(Credential::id)
        .containsExactly(id("pk"), id("totp"));
  }

  @Test
  void mfaUserIsNeverOfferedEmail() {
    Credential email = email("email", 1);
    User user = alice(email, totp("totp", 2));

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(email)));

    assertThat(decision.credentials()).allMatch(Credential::isMfa);
    assertThat(decision.credentials()).extracting(Credential::id).doesNotContain(id("email"));
    assertThat(decision.defaultCredentialId()).contains(id("totp"));
  }

  @Test
  void mfaUsersConfiguredDefaultDeviceIsRecommended() {
    User user = alice(email("email", 1), passkey("pk", 2), totp("totp", 3));
    user.chooseDefaultMfa(id("pk"));

    Required decision = required(decide(StepUpSettings.defaults(), user, session()));

    assertThat(decision.defaultCredentialId()).contains(id("pk"));
  }

  @Test
  void withoutAConfiguredDefaultTheMostRecentlyAddedMfaDeviceIsRecommended() {
    User user = alice(totp("totp", 9), email("email", 1), passkey("pk", 2));

    Required decision = required(decide(StepUpSettings.defaults(), user, session()));

    assertThat(decision.defaultCredentialId()).contains(id("totp"));
  }

  @Test
  void mostRecentlyAddedMfaDeviceIsRecommendedEvenWhenAnOlderEmailWasUsedToSignIn() {
    Credential email = email("email", 20);
    User user = alice(passkey("pk-old", 1), passkey("pk-new", 5), email);

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(email)));

    assertThat(decision.defaultCredentialId()).contains(id("pk-new"));
  }

  @Test
  void defaultDeviceWhoseMethodIsDisabledGivesWayToTheMostRecentEnabledDevice() {
    User user = alice(passkey("pk-1", 1), passkey("pk-2", 2), totp("totp", 3));
    user.chooseDefaultMfa(id("totp"));

    Required decision = required(decide(without(VerificationMethod.TOTP), user, session()));

    assertThat(decision.path()).isEqualTo(Path.MFA);
    assertThat(decision.credentials())
        .extracting(Credential::id)
        .containsExactly(id("pk-1"), id("pk-2"));
    assertThat(decision.defaultCredentialId()).contains(id("pk-2"));
  }

  @Test
  void totpUserStaysOnTheMfaPathWhenOnlyPasskeysAreDisabled() {
    User user = alice(email("email", 1), totp("totp", 2), passkey("pk", 3));

    Required decision = required(decide(without(VerificationMethod.PASSKEY), user, session()));

    assertThat(decision.path()).isEqualTo(Path.MFA);
    assertThat(decision.credentials()).extracting(Credential::id).containsExactly(id("totp"));
    assertThat(decision.defaultCredentialId()).contains(id("totp"));
  }

  // --- row 4: re-auth path ----------------------------------------------------------------------

  @Test
  void reauthUserSignedInWithEmailIsRecommendedThatEmail() {
    Credential email = email("email", 1);
    User user = alice(phone("phone", 0), email);

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(email)));

    assertThat(decision.path()).isEqualTo(Path.REAUTH);
    assertThat(decision.credentials())
        .extracting(Credential::id)
        .containsExactly(id("phone"), id("email"));
    assertThat(decision.defaultCredentialId()).contains(id("email"));
  }

  @Test
  void reauthUserSignedInWithPhoneIsRecommendedThatPhone() {
    Credential phone = phone("phone", 2);
    User user = alice(email("email", 1), phone);

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(phone)));

    assertThat(decision.path()).isEqualTo(Path.REAUTH);
    assertThat(decision.defaultCredentialId()).contains(id("phone"));
  }

  @Test
  void signInCredentialWhoseMethodIsDisabledGivesWayToTheFirstListed() {
    Credential email = email("email", 1);
    User user = alice(email, phone("phone", 2), google("google", 3));

    Required decision =
        required(decide(without(VerificationMethod.EMAIL_OTP), user, sessionSignedInWith(email)));

    assertThat(decision.credentials())
        .extracting(Credential::id)
        .containsExactly(id("phone"), id("google"));
    assertThat(decision.defaultCredentialId()).contains(id("phone"));
  }

  @Test
  void signInWithAnEmbeddedWalletGivesWayToTheFirstListed() {
    Credential embedded = embeddedWallet("embedded", 1);
    User user = alice(embedded, email("email", 2), phone("phone", 3));

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(embedded)));

    assertThat(decision.defaultCredentialId()).contains(id("email"));
  }

  @Test
  void sessionThatRemembersNoSignInCredentialIsRecommendedTheFirstListed() {
    User user = alice(phone("phone", 1), email("email", 2));

    Required decision = required(decide(StepUpSettings.defaults(), user, session()));

    assertThat(decision.defaultCredentialId()).contains(id("phone"));
  }

  @Test
  void signInCredentialTheUserNoLongerHasGivesWayToTheFirstListed() {
    Credential unlinked = email("unlinked", 0);
    User user = alice(phone("phone", 1), email("email", 2));

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(unlinked)));

    assertThat(decision.defaultCredentialId()).contains(id("phone"));
  }

  @Test
  void embeddedWalletIsNeverOffered() {
    User user = alice(embeddedWallet("embedded", 1), email("email", 2));

    Required decision = required(decide(StepUpSettings.defaults(), user, session()));

    assertThat(decision.credentials()).extracting(Credential::id).containsExactly(id("email"));
  }

  @Test
  void externalWalletIsOffered() {
    Credential wallet = externalWallet("wallet", 1);
    User user = alice(wallet, email("email", 2));

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(wallet)));

    assertThat(decision.path()).isEqualTo(Path.REAUTH);
    assertThat(decision.credentials())
        .extracting(Credential::id)
        .containsExactly(id("wallet"), id("email"));
    assertThat(decision.defaultCredentialId()).contains(id("wallet"));
  }

  @Test
  void linkedSocialAccountIsOffered() {
    Credential google = google("google", 1);
    User user = alice(google);

    Required decision =
        required(decide(StepUpSettings.defaults(), user, sessionSignedInWith(google)));

    assertThat(decision.credentials()).extracting(Credential::id).containsExactly(id("google"));
    assertThat(decision.defaultCredentialId()).contains(id("google"));
  }

  @Test
  void emailNotEnabledForSignInIsNotOffered() {
    User user = alice(contactEmail("contact", 1), phone("phone", 2));

    Required decision = required(decide(StepUpSettings.defaults(), user, session()));

    assertThat(decision.credentials()).extracting(Credential::id).containsExactly(id("phone"));
  }

  @Test
  void disablingTotpMakesATotpOnlyUserAReauthUser() {
    Credential email = email("email", 1);
    User user = alice(email, totp("totp", 2));

    Required decision =
        required(decide(without(VerificationMethod.TOTP), user, sessionSignedInWith(email)));

    assertThat(decision.path()).isEqualTo(Path.REAUTH);
    assertThat(decision.credentials()).extracting(Credential::id).containsExactly(id("email"));
    assertThat(decision.defaultCredentialId()).contains(id("email"));
  }

  @Test
  void disablingEmailRemovesEmailFromTheOffer() {
    User user = alice(email("email", 1), phone("phone", 2), externalWallet("wallet", 3));

    Required decision = required(decide(without(VerificationMethod.EMAIL_OTP), user, session()));

    assertThat(decision.credentials())
        .extracting(Credential::id)
        .containsExactly(id("phone"), id("wallet"));
  }

  @Test
  void disablingRecoveryCodesDoesNotChangeTheMfaOffer() {
    User user = alice(email("email", 1), passkey("pk", 2));

    Required decision =
        required(decide(without(VerificationMethod.RECOVERY_CODE), user, session()));

    assertThat(decision.path()).isEqualTo(Path.MFA);
    assertThat(decision.credentials()).extracting(Credential::id).containsExactly(id("pk"));
  }

  // --- row 5: nothing eligible -----------------------------------------------------------------

  @Test
  void userWithNothingEligibleMustStepUpButIsOfferedNothing() {
    User user = alice(embeddedWallet("embedded", 1), contactEmail("contact", 2));

    StepUpDecision decision = decide(StepUpSettings.defaults(), user, session());

    assertThat(decision).isEqualTo(new Required(Path.NONE, List.of(), Optional.empty()));
    assertThat(decision).isEqualTo(Required.withNoWayToVerify());
  }

  @Test
  void userWithoutAnyCredentialMustStepUpButIsOfferedNothing() {
    assertThat(decide(StepUpSettings.defaults(), alice(), session()))
        .isEqualTo(Required.withNoWayToVerify());
  }

  @Test
  void userWhoseEveryMethodIsDisabledMustStepUpButIsOfferedNothing() {
    User user = alice(email("email", 1), totp("totp", 2));
    StepUpSettings settings = without(VerificationMethod.EMAIL_OTP, VerificationMethod.TOTP);

    Required decision = required(decide(settings, user, session()));

    assertThat(decision.path()).isEqualTo(Path.NONE);
    assertThat(decision.credentials()).isEmpty();
    assertThat(decision.defaultCredentialId()).isEmpty();
  }

  // --- decisions are well-formed ---------------------------------------------------------------

  @Test
  void requiredDecisionWithNoCredentialsMustSayPathNone() {
    assertThatThrownBy(() -> new Required(Path.REAUTH, List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Required(Path.NONE, List.of(email("e", 1)), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recommendedCredentialMustBeOneOfThoseListed() {
    assertThatThrownBy(
            () -> new Required(Path.REAUTH, List.of(email("e", 1)), Optional.of(id("other"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one of those listed");
  }

  @Test
  void offeredCredentialListCannotBeChanged() {
    Required decision =
        required(decide(StepUpSettings.defaults(), alice(email("email", 1)), session()));

    assertThatThrownBy(() -> decision.credentials().add(phone("phone", 2)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void decisionIsTakenAtTheGivenInstant() {
    User user = alice(email("email", 1));
    ElevatedToken token = tokenFor(Scope.WALLET_EXPORT);

    assertThat(
            policy
                .decide(
                    StepUpSettings.defaults(),
                    user,
                    session(),
                    Scope.WALLET_EXPORT,
                    List.of(token),
                    minutesAfterNow(4))
                .isRequired())
        .isFalse();
    assertThat(
            policy
                .decide(
                    StepUpSettings.defaults(),
                    user,
                    session(),
                    Scope.WALLET_EXPORT,
                    List.of(token),
                    minutesAfterNow(5))
                .isRequired())
        .isTrue();
  }
}
