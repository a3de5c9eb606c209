package dev.stepup.application.contract;

import static dev.stepup.domain.testdata.CredentialTestData.aTotpDevice;
import static dev.stepup.domain.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link Users} promises: users with their credentials, one holder per credential. */
public abstract class UsersContract extends PortContract {

  Users users;

  @BeforeEach
  void users() {
    users = stores.users();
  }

  @Test
  void userRoundTripsWithCredentials() {
    users.save(alice());
    User loaded = users.find(ENV, new UserId("usr_alice")).orElseThrow();
    assertThat(loaded.credentials()).isEqualTo(alice().credentials());
    assertThat(loaded.createdAt()).isEqualTo(T0);
    assertThat(users.find(OTHER_ENV, new UserId("usr_alice"))).isEmpty();
    assertThat(users.find(ENV, new UserId("usr_nobody"))).isEmpty();
  }

  @Test
  void savingAUserAddsRemovesAndUpdatesCredentials() {
    users.save(alice());
    User user = users.find(ENV, new UserId("usr_alice")).orElseThrow();
    user.addCredential(aTotpDevice().withId("cred_totp").addedAt(T0.plusSeconds(5)).build());
    user.chooseDefaultMfa(new CredentialId("cred_totp"));
    user.removeCredential(new CredentialId("cred_wallet"));
    users.save(user);

    User loaded = users.find(ENV, user.id()).orElseThrow();
    assertThat(loaded.credentials())
        .extracting(c -> c.id().value())
        .containsExactly("cred_mail", "cred_totp");
    assertThat(loaded.credential(new CredentialId("cred_totp")).orElseThrow().defaultMfa())
        .isTrue();
  }

  @Test
  void aCredentialNamesOneUserPerEnvironment() {
    users.save(alice());
    assertThat(users.findByCredential(ENV, CredentialFormat.EMAIL, "alice@example.com"))
        .map(User::id)
        .contains(new UserId("usr_alice"));
    assertThat(users.findByCredential(OTHER_ENV, CredentialFormat.EMAIL, "alice@example.com"))
        .isEmpty();
    User impostor =
        aUser().withId("usr_bob").in(ENV).createdAt(T0).withEmail("alice@example.com").build();
    assertThatThrownBy(() -> users.save(impostor)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void aCredentialIsFoundOnlyByItsFormatAndExactIdentifier() {
    users.save(alice());
    assertThat(users.findByCredential(ENV, CredentialFormat.PHONE_NUMBER, "alice@example.com"))
        .isEmpty();
    assertThat(users.findByCredential(ENV, CredentialFormat.EMAIL, "alice@example")).isEmpty();
    assertThat(users.findByCredential(ENV, CredentialFormat.BLOCKCHAIN, "0xabc"))
        .map(User::id)
        .contains(ALICE);
  }
}
