package dev.stepup.domain.user;

import static dev.stepup.domain.Fixtures.ALICE;
import static dev.stepup.domain.Fixtures.DEMO;
import static dev.stepup.domain.Fixtures.alice;
import static dev.stepup.domain.Fixtures.day;
import static dev.stepup.domain.Fixtures.email;
import static dev.stepup.domain.Fixtures.externalWallet;
import static dev.stepup.domain.Fixtures.id;
import static dev.stepup.domain.Fixtures.passkey;
import static dev.stepup.domain.Fixtures.phone;
import static dev.stepup.domain.Fixtures.totp;
import static dev.stepup.domain.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import org.junit.jupiter.api.Test;

class UserTest {

  @Test
  void credentialsAreListedOldestFirstWhateverOrderTheyCameIn() {
    User user = alice(totp("totp", 30), email("email", 1), passkey("pk", 10));

    assertThat(user.credentials())
        .extracting(Credential::id)
        .containsExactly(id("email"), id("pk"), id("totp"));
  }

  @Test
  void addedCredentialTakesItsPlaceByAge() {
    User user = alice(email("email", 1), passkey("pk", 10));

    user.addCredential(phone("phone", 5));

    assertThat(user.credentials())
        .extracting(Credential::id)
        .containsExactly(id("email"), id("phone"), id("pk"));
  }

  @Test
  void credentialListIsACopy() {
    User user = alice(email("email", 1));

    assertThatThrownBy(() -> user.credentials().add(phone("p", 2)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(user.credentials()).hasSize(1);
  }

  @Test
  void userKeepsItsIdentity() {
    User user = aUser().withId(ALICE).in(DEMO).createdAt(day(0)).build();

    assertThat(user.id()).isEqualTo(ALICE);
    assertThat(user.environmentId()).isEqualTo(DEMO);
    assertThat(user.createdAt()).isEqualTo(day(0));
    assertThat(user.credentials()).isEmpty();
  }

  @Test
  void credentialIsFoundById() {
    User user = alice(email("email", 1), passkey("pk", 2));

    assertThat(user.credential(id("pk"))).map(Credential::id).contains(id("pk"));
    assertThat(user.credential(id("nope"))).isEmpty();
  }

  @Test
  void userWithAPasskeyOrTotpHasMfa() {
    assertThat(alice(email("e", 1), passkey("pk", 2)).hasMfa()).isTrue();
    assertThat(alice(email("e", 1), totp("t", 2)).hasMfa()).isTrue();
  }

  @Test
  void userWithOnlyReauthCredentialsHasNoMfa() {
    assertThat(alice(email("e", 1), phone("p", 2), externalWallet("w", 3)).hasMfa()).isFalse();
  }

  @Test
  void addingACredentialWithAnIdAlreadyLinkedIsRefused() {
    User user = alice(email("email", 1));

    assertThatThrownBy(() -> user.addCredential(phone("email", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email")
        .hasMessageContaining("already linked");
    assertThat(user.credentials()).extracting(Credential::format).hasSize(1);
  }

  @Test
  void userCannotBeRebuiltWithTwoCredentialsOfTheSameId() {
    assertThatThrownBy(() -> alice(email("dup", 1), phone("dup", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dup");
  }

  @Test
  void removingALinkedCredentialUnlinksIt() {
    User user = alice(email("email", 1), passkey("pk", 2));

    assertThat(user.removeCredential(id("pk"))).isTrue();

    assertThat(user.credentials()).extracting(Credential::id).containsExactly(id("email"));
    assertThat(user.hasMfa()).isFalse();
  }

  @Test
  void removingAnUnknownCredentialSaysSoAndChangesNothing() {
    User user = alice(email("email", 1));

    assertThat(user.removeCredential(id("nope"))).isFalse();
    assertThat(user.credentials()).hasSize(1);
  }

  @Test
  void chosenMfaDeviceBecomesTheDefault() {
    User user = alice(passkey("pk", 1), totp("totp", 2));

    user.chooseDefaultMfa(id("totp"));

    assertThat(user.credential(id("totp"))).map(Credential::defaultMfa).contains(true);
    assertThat(user.credential(id("pk"))).map(Credential::defaultMfa).contains(false);
  }

  @Test
  void choosingAnotherDefaultReplacesThePreviousOne() {
    User user = alice(passkey("pk", 1), totp("totp", 2));
    user.chooseDefaultMfa(id("pk"));

    user.chooseDefaultMfa(id("totp"));

    assertThat(user.credentials())
        .filteredOn(Credential::defaultMfa)
        .extracting(Credential::id)
        .containsExactly(id("totp"));
  }

  @Test
  void choosingTheSameDefaultTwiceKeepsOneDefault() {
    User user = alice(passkey("pk", 1), totp("totp", 2));

    user.chooseDefaultMfa(id("pk"));
    user.chooseDefaultMfa(id("pk"));

    assertThat(user.credentials())
        .filteredOn(Credential::defaultMfa)
        .extracting(Credential::id)
        .containsExactly(id("pk"));
  }

  @Test
  void onlyAnMfaDeviceCanBeChosenAsDefault() {
    User user = alice(email("email", 1), passkey("pk", 2));
    user.chooseDefaultMfa(id("pk"));

    assertThatThrownBy(() -> user.chooseDefaultMfa(id("email")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an MFA device");
    assertThat(user.credential(id("pk"))).map(Credential::defaultMfa).contains(true);
  }

  @Test
  void aDeviceTheUserDoesNotHaveCannotBeChosenAsDefault() {
    User user = alice(passkey("pk", 1));

    assertThatThrownBy(() -> user.chooseDefaultMfa(new CredentialId("someone-elses")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("someone-elses");
  }

  @Test
  void userIsNeverBuiltWithTwoDefaultMfaDevices() {
    Credential first = passkey("pk", 1).withDefaultMfa(true);
    Credential second = totp("totp", 2).withDefaultMfa(true);

    assertThatThrownBy(() -> alice(first, second))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most one default MFA");
  }

  @Test
  void addingADefaultDeviceReplacesThePreviousDefault() {
    User user = alice(passkey("pk", 1).withDefaultMfa(true));

    user.addCredential(totp("totp", 2).withDefaultMfa(true));

    assertThat(user.credentials())
        .filteredOn(Credential::defaultMfa)
        .extracting(Credential::id)
        .containsExactly(id("totp"));
  }

  @Test
  void addingANonDefaultDeviceKeepsTheCurrentDefault() {
    User user = alice(passkey("pk", 1).withDefaultMfa(true));

    user.addCredential(totp("totp", 2));

    assertThat(user.credentials())
        .filteredOn(Credential::defaultMfa)
        .extracting(Credential::id)
        .containsExactly(id("pk"));
  }

  @Test
  void userIdMustNotBeBlank() {
    assertThatThrownBy(() -> new UserId(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new UserId("usr_1")).hasToString("usr_1");
  }
}
