package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.mfa.RecoveryMaterial;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recovery codes: the MFA fallback, checked by {@link
 * dev.stepup.application.service.stepup.RecoveryCodeProofChecker}.
 */
class RecoveryCodeVerificationTest {

  private static final String ANN = "ann@example.com";
  private static final Set<Scope> EXPORT = Set.of(Scope.WALLET_EXPORT);

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  private IssuedElevatedToken verify(String code) {
    return f.codes.verifyRecoveryCode(session, code, EXPORT);
  }

  @Test
  void eachRecoveryCodeWorksOnce() {
    List<String> codes = f.enrolTotpByEmail(session, ANN).recoveryCodes();

    IssuedElevatedToken issued = verify(codes.get(0));
    RefusedException again = refusal(() -> verify(codes.get(0)));

    assertThat(issued.scopes()).isEqualTo(EXPORT);
    assertThat(f.tokens.find(issued.tokenId()).orElseThrow().method())
        .contains(VerificationMethod.RECOVERY_CODE);
    assertThat(again.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(again.reason()).isEqualTo(RefusalReason.INVALID_RECOVERY_CODE);
    assertThat(verify(codes.get(1)).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void aReplayedCodeIsAnsweredLikeAWrongOneButAuditedAsReplayedCountedAndTold() {
    List<String> codes = f.enrolTotpByEmail(session, ANN).recoveryCodes();
    verify(codes.get(0));
    assertThat(f.messages.to(ANN, SecurityNotice.RECOVERY_CODE_USED.headline()))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("9 left unused"));

    RefusedException replay = refusal(() -> verify(codes.get(0)));
    RefusedException wrong = refusal(() -> verify("2345-6789-abcd-efgh-jkmn-pqrs"));

    assertThat(replay.refusal()).isEqualTo(wrong.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(replay.getMessage()).isEqualTo(wrong.getMessage());
    assertThat(replay.retryAfter()).isEqualTo(wrong.retryAfter());
    assertThat(
            f.events(AuditEventType.VERIFICATION).stream()
                .filter(
                    e -> e.method().equals(java.util.Optional.of(VerificationMethod.RECOVERY_CODE)))
                .map(e -> e.reason().orElse("success"))
                .toList())
        .containsExactly("success", "replayed", "invalid_code");
    assertThat(f.messages.to(ANN, SecurityNotice.CODE_REPLAYED.headline())).hasSize(1);
    assertThat(f.tallies.find(ann.id(), VerificationMethod.RECOVERY_CODE).orElseThrow().failures())
        .isEqualTo(2);
  }

  @Test
  void issuedCodesCarryAtLeast112BitsInFourGroupsWithoutLookAlikes() {
    List<String> codes = f.enrolTotpByEmail(session, ANN).recoveryCodes();

    assertThat(codes)
        .hasSize(10)
        .allSatisfy(
            c ->
                assertThat(c)
                    .matches(
                        "[23456789abcdefghjkmnpqrstuvwxyz]{6}(-[23456789abcdefghjkmnpqrstuvwxyz]{6}){3}"));
    // 24 characters of a 31-letter alphabet: 24 * log2(31) = 118.9 bits.
    assertThat(24 * Math.log(31) / Math.log(2)).isGreaterThanOrEqualTo(112);
  }

  @Test
  void aCodeIssuedBeforeCodesGrewStillWorksOnce() {
    f.enrolTotpByEmail(session, ANN);
    String legacy = "7kq2m-xh9pa";
    f.recoveryCodes.replace(
        ann.id(),
        List.of(f.hasher.digest(RecoveryMaterial.of(ann.id(), "7kq2mxh9pa"))),
        f.clock.instant());

    assertThat(verify(legacy.toUpperCase(Locale.ROOT)).scopes()).isEqualTo(EXPORT);
    assertThat(refusal(() -> verify(legacy)).refusal()).isEqualTo(Refusal.INVALID_CODE);
  }

  @Test
  void everyIssuedCodeWorks() {
    List<String> codes = f.enrolTotpByEmail(session, ANN).recoveryCodes();

    for (String code : codes) {
      f.clock.advance(Duration.ofSeconds(1));
      assertThat(verify(code).scopes()).isEqualTo(EXPORT);
    }
    assertThat(refusal(() -> verify(codes.get(9))).refusal()).isEqualTo(Refusal.INVALID_CODE);
  }

  @Test
  void caseSpacesAndDashesDoNotMatter() {
    String code = f.enrolTotpByEmail(session, ANN).recoveryCodes().get(0);
    String typed = " " + code.replace("-", " ").toUpperCase(Locale.ROOT) + " ";

    assertThat(verify(typed).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void anotherUsersRecoveryCodeDoesNotWork() {
    f.enrolTotpByEmail(session, ANN);
    SessionContext bob = f.signIn(f.emailUser("bob@example.com"));
    f.clock.advance(Duration.ofMinutes(1));
    List<String> bobsCodes = f.enrolTotpByEmail(bob, "bob@example.com").recoveryCodes();

    RefusedException refused = refusal(() -> verify(bobsCodes.get(0)));

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(f.codes.verifyRecoveryCode(bob, bobsCodes.get(0), EXPORT).scopes())
        .isEqualTo(EXPORT);
  }

  @Test
  void failuresAreAuditedAndRepeatedOnesLockRecoveryCodes() {
    List<String> codes = f.enrolTotpByEmail(session, ANN).recoveryCodes();
    for (int i = 0; i < 4; i++) {
      assertThat(refusal(() -> verify("zzzzz-zzzzz")).refusal()).isEqualTo(Refusal.INVALID_CODE);
    }
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).reason()).contains("invalid_code");

    RefusedException locking = refusal(() -> verify("not a code"));
    RefusedException right = refusal(() -> verify(codes.get(0)));

    assertThat(locking.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(locking.retryAfter()).isPresent();
    assertThat(right.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    f.clock.advance(Duration.ofMinutes(15));
    assertThat(verify(codes.get(0)).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void aUserWithoutMfaCannotUseRecoveryCodes() {
    RefusedException refused = refusal(() -> verify("abcde-fghjk"));

    assertThat(refused.refusal()).isEqualTo(Refusal.NO_ELIGIBLE_CREDENTIAL);
  }

  @Test
  void ofConcurrentEntriesOfOneRecoveryCodeExactlyOneEarnsAToken() throws InterruptedException {
    String code = f.enrolTotpByEmail(session, ANN).recoveryCodes().get(0);

    List<Object> outcomes = Fixture.race(4, () -> verify(code));

    assertThat(outcomes).filteredOn(IssuedElevatedToken.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(RefusedException.class::isInstance).hasSize(3);
  }
}
