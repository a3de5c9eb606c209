package dev.stepup.domain.testdata;

import static dev.stepup.domain.testdata.CredentialTestData.aTotpDevice;
import static dev.stepup.domain.testdata.ElevatedTokenTestData.anElevatedToken;
import static dev.stepup.domain.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The builders make what their names say, so tests that use them read true. */
class TestDataBuildersTest {

  static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void aUsersCredentialsAreAddedWhenTheUserWasCreatedUnlessToldOtherwise() {
    User user =
        aUser()
            .withId("usr_ann")
            .createdAt(T)
            .withEmail("ann@example.com")
            .withPasskey()
            .with(aTotpDevice().withId("cred_totp").addedAt(T.plusSeconds(5)).asDefaultMfa())
            .build();

    assertThat(user.id().value()).isEqualTo("usr_ann");
    assertThat(user.environmentId()).isEqualTo(UserTestData.DEMO);
    assertThat(user.credentials())
        .extracting(Credential::format)
        .containsExactly(CredentialFormat.EMAIL, CredentialFormat.PASSKEY, CredentialFormat.TOTP);
    Credential email = user.credentials().get(0);
    assertThat(email.identifier()).isEqualTo("ann@example.com");
    assertThat(email.signInEnabled()).isTrue();
    assertThat(email.createdAt()).isEqualTo(T);
    assertThat(user.credentials().get(1).identifier())
        .isEqualTo(user.credentials().get(1).id().value());
    assertThat(user.defaultMfaDevice()).map(c -> c.id().value()).contains("cred_totp");
    assertThat(user.credentials().get(0).id()).isNotEqualTo(user.credentials().get(1).id());
  }

  @Test
  void aTokenFollowsTheSettingsUnlessItsUseAndExpiryAreGiven() {
    ElevatedToken issued = anElevatedToken().forScopes(Scope.WALLET_EXPORT).issuedAt(T).build();
    assertThat(issued.singleUse()).isTrue();
    assertThat(issued.expiresAt()).isEqualTo(T.plus(Duration.ofMinutes(5)));

    ElevatedToken stored =
        anElevatedToken()
            .forScopes(Scope.WALLET_SIGN, Scope.WALLET_EXPORT)
            .issuedAt(T)
            .singleUse()
            .expiringAt(T.plusSeconds(30))
            .consumedAt(T.plusSeconds(10))
            .build();
    assertThat(stored.expiresAt()).isEqualTo(T.plusSeconds(30));
    assertThat(stored.state(T.plusSeconds(11))).isEqualTo(TokenState.CONSUMED);
    assertThat(anElevatedToken().withoutSession().issuedByBackend().build().method()).isEmpty();
  }
}
