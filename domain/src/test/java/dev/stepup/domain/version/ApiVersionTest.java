package dev.stepup.domain.version;

import static dev.stepup.domain.Fixtures.ALICE;
import static dev.stepup.domain.Fixtures.DEMO;
import static dev.stepup.domain.Fixtures.NOW;
import static dev.stepup.domain.Fixtures.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.Fixtures;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.UnsupportedApiVersionException;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.TokenUseOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiVersionTest {

  @Test
  void anAbsentOrBlankHeaderIsTheLegacyVersion() {
    assertThat(ApiVersion.parse(null)).isEqualTo(ApiVersion.LEGACY);
    assertThat(ApiVersion.parse("  ")).isEqualTo(ApiVersion.LEGACY);
  }

  @Test
  void theDatedVersionIsParsed() {
    assertThat(ApiVersion.parse("2026_04_01")).isEqualTo(ApiVersion.V2026_04_01);
    assertThat(ApiVersion.parse(" 2026_04_01 ")).isEqualTo(ApiVersion.V2026_04_01);
    assertThat(ApiVersion.latest().wire()).isEqualTo("2026_04_01");
  }

  @Test
  void somethingThatIsNotADateIsRefusedAsMalformed() {
    assertThatThrownBy(() -> ApiVersion.parse("2026-04-01"))
        .isInstanceOfSatisfying(
            UnsupportedApiVersionException.class, e -> assertThat(e.wellFormed()).isFalse())
        .hasMessageContaining("a date like 2026_04_01");
    assertThatThrownBy(() -> ApiVersion.parse("latest"))
        .isInstanceOf(UnsupportedApiVersionException.class);
  }

  @Test
  void aDateThatIsNoVersionIsRefusedAsUnknown() {
    assertThatThrownBy(() -> ApiVersion.parse("2030_01_01"))
        .isInstanceOfSatisfying(
            UnsupportedApiVersionException.class, e -> assertThat(e.wellFormed()).isTrue())
        .hasMessageContaining("unknown API version 2030_01_01");
  }

  @Test
  void onlyTheLegacyVersionAllowsActionBasedMfa() {
    assertThat(ApiVersion.LEGACY.allowsLegacyMfa()).isTrue();
    assertThat(ApiVersion.V2026_04_01.allowsLegacyMfa()).isFalse();
  }

  @Test
  void anEnvironmentServesLegacyMfaUntilItsMinimumIsTheDatedVersion() {
    Environment environment = Environment.create(DEMO, "Demo");
    assertThat(environment.minimumApiVersion()).isEqualTo(ApiVersion.LEGACY);
    assertThat(environment.servesLegacyMfa()).isTrue();
    environment.requireApiVersion(ApiVersion.V2026_04_01);
    assertThat(environment.servesLegacyMfa()).isFalse();
  }

  @Test
  void theOldActionsMapToTheirScopesInEitherSpelling() {
    assertThat(LegacyMfaAction.fromWire("WalletWaasExport"))
        .map(LegacyMfaAction::scope)
        .contains(Scope.WALLET_EXPORT);
    assertThat(LegacyMfaAction.fromWire("wallet_waas_sign"))
        .map(LegacyMfaAction::scope)
        .contains(Scope.WALLET_SIGN);
    assertThat(LegacyMfaAction.fromWire("WALLET_WAAS_RESHARE"))
        .map(LegacyMfaAction::scope)
        .contains(Scope.WALLET_RESHARE);
    assertThat(LegacyMfaAction.fromWire("CredentialLink")).isEmpty();
    assertThat(LegacyMfaAction.fromWire(null)).isEmpty();
  }

  @Test
  void aLegacyTokenGrantsEveryWalletActionAndLivesTheLongestLifetimeWithinItsSession() {
    Session session = Fixtures.session();
    ElevatedToken token =
        LegacyMfaToken.issue(
            new ElevatedTokenId("mfa_legacy"),
            DEMO,
            ALICE,
            session,
            VerificationMethod.TOTP,
            true,
            NOW);
    assertThat(token.scopes())
        .isEqualTo(
            Scope.setOf(
                Scope.WALLET_EXPORT,
                Scope.WALLET_SIGN,
                Scope.WALLET_REFRESH,
                Scope.WALLET_RESHARE));
    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    Session ending =
        Session.start(SESSION, DEMO, ALICE, Optional.empty(), NOW, Duration.ofMinutes(3));
    assertThat(
            LegacyMfaToken.issue(
                    new ElevatedTokenId("mfa_short"),
                    DEMO,
                    ALICE,
                    ending,
                    VerificationMethod.TOTP,
                    false,
                    NOW)
                .expiresAt())
        .isEqualTo(ending.expiresAt());
    assertThat(LegacyMfaToken.isLegacy(token.id())).isTrue();
    assertThat(LegacyMfaToken.isLegacy(new ElevatedTokenId("tok_scoped"))).isFalse();
    assertThat(token.covers(Scope.CREDENTIAL_LINK, NOW)).isFalse();
    assertThat(token.use(DEMO, ALICE, SESSION, Scope.WALLET_SIGN, NOW))
        .isEqualTo(new TokenUseOutcome.Accepted(Optional.of(Scope.WALLET_SIGN)));
    assertThat(token.use(DEMO, ALICE, SESSION, Scope.WALLET_EXPORT, NOW))
        .isInstanceOf(TokenUseOutcome.Refused.class);
  }
}
