package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.TOTP_STEP;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import dev.stepup.application.port.in.version.SetMinimumApiVersionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import dev.stepup.domain.version.LegacyMfaUse;
import dev.stepup.domain.version.LegacyUseCount;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Action-based MFA kept until an admin sets the minimum API version, then refused at once. */
class LegacyMfaServiceTest {

  private static final String ANN = "ann@example.com";

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);
  private final Fixture.Enrolled device = f.enrolTotpByEmail(session, ANN);

  private IssuedElevatedToken legacyToken(boolean singleUse) {
    f.clock.advance(TOTP_STEP);
    return f.legacyMfa.verify(
        new LegacyMfaUseCase.Command(
            session, new Proof.TotpProof(f.totpNow(device.secret()), Optional.empty()), singleUse));
  }

  private void retire() {
    f.apiVersions.setMinimum(
        new SetMinimumApiVersionUseCase.Command(
            ENV, ApiVersion.V2026_04_01, "admin", new RequestOrigin("127.0.0.1", "test")));
  }

  private long count(LegacyMfaUse use, ApiVersion version) {
    return f.apiVersions.lastThirtyDays(ENV).stream()
        .filter(c -> c.use() == use && c.version() == version)
        .mapToLong(LegacyUseCount::count)
        .sum();
  }

  @Test
  void theOldActionAnswersAsItsScopeAndIsCounted() {
    assertThat(f.legacyMfa.isRequiredForAction(session, "WalletWaasExport", Optional.empty()))
        .isTrue();
    assertThat(count(LegacyMfaUse.CHECK, ApiVersion.LEGACY)).isEqualTo(1);
    assertThatThrownBy(
            () -> f.legacyMfa.isRequiredForAction(session, "DeleteAccount", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WalletWaasExport");
  }

  @Test
  void aLegacyTokenIsAcceptedByAnyWalletActionAndSpentOnce() {
    IssuedElevatedToken token = legacyToken(true);

    assertThat(token.tokenId().value()).startsWith("mfa_");
    assertThat(token.scopes()).contains(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
    f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.of(token.elevatedAccessToken()));
    assertThat(f.tokens.find(token.tokenId()).orElseThrow().state(f.clock.instant()))
        .isEqualTo(TokenState.CONSUMED);
    assertThat(
            refusal(
                    () ->
                        f.guard.authorize(
                            session, Scope.WALLET_SIGN, Optional.of(token.elevatedAccessToken())))
                .refusal())
        .isEqualTo(Refusal.TOKEN_CONSUMED);
    assertThat(count(LegacyMfaUse.TOKEN_ISSUED, ApiVersion.LEGACY)).isEqualTo(1);
    assertThat(count(LegacyMfaUse.TOKEN_USED, ApiVersion.LEGACY)).isEqualTo(1);
  }

  @Test
  void aLegacyTokenNeverGrantsCredentialChanges() {
    IssuedElevatedToken token = legacyToken(false);

    assertThat(
            refusal(
                    () ->
                        f.guard.authorize(
                            session,
                            Scope.CREDENTIAL_UNLINK,
                            Optional.of(token.elevatedAccessToken())))
                .refusal())
        .isEqualTo(Refusal.STEP_UP_REQUIRED);
  }

  @Test
  void usesAreCountedByTheVersionTheRequestNamed() {
    f.apiVersion.set(ApiVersion.V2026_04_01);
    f.legacyMfa.isRequiredForAction(session, "wallet_waas_sign", Optional.empty());

    assertThat(count(LegacyMfaUse.CHECK, ApiVersion.V2026_04_01)).isEqualTo(1);
    assertThat(count(LegacyMfaUse.CHECK, ApiVersion.LEGACY)).isZero();
  }

  @Test
  void settingTheMinimumIsAuditedAndRetiresBothCallsAtOnce() {
    retire();

    assertThat(f.environments.find(ENV).orElseThrow().minimumApiVersion())
        .isEqualTo(ApiVersion.V2026_04_01);
    assertThat(f.lastEvent(AuditEventType.SETTINGS_CHANGED).reason().orElseThrow())
        .contains("minimum API version 2026_04_01");
    assertThat(
            refusal(
                    () ->
                        f.legacyMfa.isRequiredForAction(
                            session, "WalletWaasExport", Optional.empty()))
                .refusal())
        .isEqualTo(Refusal.LEGACY_API_RETIRED);
    f.clock.advance(TOTP_STEP);
    assertThat(
            refusal(
                    () ->
                        f.legacyMfa.verify(
                            new LegacyMfaUseCase.Command(
                                session,
                                new Proof.TotpProof(f.totpNow(device.secret()), Optional.empty()),
                                true)))
                .refusal())
        .isEqualTo(Refusal.LEGACY_API_RETIRED);
  }

  @Test
  void aLegacyTokenIssuedBeforeTheSwitchIsRefusedAfterIt() {
    IssuedElevatedToken token = legacyToken(false);
    retire();

    assertThat(
            refusal(
                    () ->
                        f.guard.authorize(
                            session, Scope.WALLET_EXPORT, Optional.of(token.elevatedAccessToken())))
                .refusal())
        .isEqualTo(Refusal.LEGACY_API_RETIRED);
    assertThat(count(LegacyMfaUse.TOKEN_USED, ApiVersion.LEGACY)).isZero();
  }

  @Test
  void aScopedTokenStillWorksAfterTheSwitch() {
    retire();
    IssuedElevatedToken scoped = f.issueToken(session, Scope.WALLET_EXPORT);

    f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.of(scoped.elevatedAccessToken()));

    assertThat(f.tokens.find(scoped.tokenId()).orElseThrow().state(f.clock.instant()))
        .isEqualTo(TokenState.CONSUMED);
  }
}
