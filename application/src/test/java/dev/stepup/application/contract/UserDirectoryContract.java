package dev.stepup.application.contract;

import static dev.stepup.domain.testdata.CredentialTestData.aPhone;
import static dev.stepup.domain.testdata.CredentialTestData.aTotpDevice;
import static dev.stepup.domain.testdata.CredentialTestData.anEmail;
import static dev.stepup.domain.testdata.CredentialTestData.anExternalWallet;
import static dev.stepup.domain.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.UserDirectory;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.testdata.UserTestData.UserBuilder;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link UserDirectory} promises the console: finding users and listing their sessions. */
public abstract class UserDirectoryContract extends PortContract {

  UserDirectory directory;
  Sessions sessions;

  @BeforeEach
  void directory() {
    directory = stores.userDirectory();
    sessions = stores.sessions();
  }

  void given(UserBuilder user) {
    stores.users().save(user.build());
  }

  @Test
  void usersAreFoundByIdOrByPartOfWhatTheirCredentialsNameNewestFirst() {
    given(
        aUser()
            .withId("usr_ann")
            .in(ENV)
            .createdAt(T0)
            .with(anEmail("ann@example.com").withId("cred_ann_mail"))
            .with(aTotpDevice().withId("cred_ann_totp")));
    given(
        aUser()
            .withId("usr_bob")
            .in(ENV)
            .createdAt(T0.plusSeconds(10))
            .with(aPhone("+14155550123").withId("cred_bob_phone").addedAt(T0))
            .with(
                anExternalWallet("0xAbCdEf0123456789aBcDeF0123456789AbCdEf01")
                    .withId("cred_bob_wallet")
                    .addedAt(T0)));
    given(
        aUser()
            .withId("usr_other")
            .in(OTHER_ENV)
            .createdAt(T0)
            .with(anEmail("ann@example.org").withId("cred_other_mail")));

    assertThat(directory.search(ENV, "ANN@EXAMPLE", 10))
        .extracting(UserId::value)
        .containsExactly("usr_ann");
    assertThat(directory.search(ENV, "5550123", 10))
        .extracting(UserId::value)
        .containsExactly("usr_bob");
    assertThat(directory.search(ENV, "0xabcdef01234", 10))
        .extracting(UserId::value)
        .containsExactly("usr_bob");
    assertThat(directory.search(ENV, "usr_ann", 10))
        .extracting(UserId::value)
        .containsExactly("usr_ann");
    assertThat(directory.search(ENV, "", 10))
        .extracting(UserId::value)
        .containsExactly("usr_bob", "usr_ann");
    assertThat(directory.search(ENV, "", 1)).extracting(UserId::value).containsExactly("usr_bob");
    assertThat(directory.search(ENV, "example", 10))
        .extracting(UserId::value)
        .containsExactly("usr_ann");
    assertThat(directory.search(ENV, "usr_other", 10)).isEmpty();
    // TOTP and passkey identifiers are not searched; wildcards are taken literally.
    assertThat(directory.search(ENV, "cred_ann_totp", 10)).isEmpty();
    assertThat(directory.search(ENV, "%", 10)).isEmpty();
    assertThat(directory.search(ENV, "_", 10)).isEmpty();
  }

  @Test
  void usersCreatedAtOneInstantAreListedById() {
    for (String id : new String[] {"usr_b", "usr_c", "usr_a"}) {
      given(aUser().withId(id).in(ENV).createdAt(T0).withEmail(id + "@example.com"));
    }
    assertThat(directory.search(ENV, "", 10))
        .extracting(UserId::value)
        .containsExactly("usr_a", "usr_b", "usr_c");
    assertThat(directory.search(ENV, "example.com", 2))
        .extracting(UserId::value)
        .containsExactly("usr_a", "usr_b");
  }

  @Test
  void aUsersSessionsAreListedNewestFirstActiveOrEnded() {
    given(
        aUser()
            .withId("usr_ann")
            .in(ENV)
            .createdAt(T0)
            .with(anEmail("a@b.c").withId("cred_ann_mail")));
    given(
        aUser()
            .withId("usr_bob")
            .in(ENV)
            .createdAt(T0)
            .with(anEmail("b@b.c").withId("cred_bob_mail")));
    Session first =
        Session.start(
            new SessionId("ses_1"),
            ENV,
            new UserId("usr_ann"),
            Optional.of(new CredentialId("cred_ann_mail")),
            T0,
            Duration.ofHours(1));
    first.end(T0.plusSeconds(60));
    sessions.create(first, "digest-1");
    sessions.create(
        Session.start(
            new SessionId("ses_2"),
            ENV,
            new UserId("usr_ann"),
            Optional.empty(),
            T0.plusSeconds(120),
            Duration.ofHours(1)),
        "digest-2");
    sessions.create(
        Session.start(
            new SessionId("ses_3"),
            ENV,
            new UserId("usr_bob"),
            Optional.empty(),
            T0,
            Duration.ofHours(1)),
        "digest-3");

    List<Session> listed = directory.sessionsOf(ENV, new UserId("usr_ann"), 10);

    assertThat(listed).extracting(s -> s.id().value()).containsExactly("ses_2", "ses_1");
    assertThat(listed.get(1).endedAt()).contains(T0.plusSeconds(60));
    assertThat(listed.get(1).signInCredentialId()).contains(new CredentialId("cred_ann_mail"));
    assertThat(directory.sessionsOf(OTHER_ENV, new UserId("usr_ann"), 10)).isEmpty();
    assertThat(directory.sessionsOf(ENV, new UserId("usr_ann"), 1)).hasSize(1);
  }
}
