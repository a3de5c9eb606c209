package dev.stepup.domain.testdata;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.testdata.CredentialTestData.CredentialBuilder;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builders of users for tests in every module (buckpal's {@code AccountTestData}): {@code
 * aUser().withEmail("ann@example.com").withPasskey().build()}. Unless told otherwise the user is
 * {@code usr_alice} of environment {@code demo}, created at {@link CredentialTestData#ADDED}; a
 * credential added without an instant of its own was added when the user was created.
 */
public final class UserTestData {

  public static final UserId ALICE = new UserId("usr_alice");
  public static final EnvironmentId DEMO = new EnvironmentId("demo");

  private UserTestData() {}

  public static UserBuilder aUser() {
    return new UserBuilder();
  }

  /** A user under construction; every setter answers the builder. */
  public static final class UserBuilder {
    private UserId id = ALICE;
    private EnvironmentId environment = DEMO;
    private Instant createdAt = CredentialTestData.ADDED;
    private final List<Function<Instant, Credential>> credentials = new ArrayList<>();

    public UserBuilder withId(String id) {
      return withId(new UserId(id));
    }

    public UserBuilder withId(UserId id) {
      this.id = id;
      return this;
    }

    public UserBuilder in(EnvironmentId environment) {
      this.environment = environment;
      return this;
    }

    public UserBuilder createdAt(Instant at) {
      this.createdAt = at;
      return this;
    }

    /** Adds a sign-in email address. */
    public UserBuilder withEmail(String address) {
      return with(CredentialTestData.anEmail(address));
    }

    /** Adds a sign-in phone number. */
    public UserBuilder withPhone(String number) {
      return with(CredentialTestData.aPhone(number));
    }

    public UserBuilder withExternalWallet(String address) {
      return with(CredentialTestData.anExternalWallet(address));
    }

    public UserBuilder withPasskey() {
      return with(CredentialTestData.aPasskey());
    }

    public UserBuilder withTotp() {
      return with(CredentialTestData.aTotpDevice());
    }

    /** Adds credentials still under construction (their instant defaults to the user's). */
    public UserBuilder with(CredentialBuilder... more) {
      for (CredentialBuilder credential : more) {
        credentials.add(userCreatedAt -> credential.addedAtIfUnset(userCreatedAt).build());
      }
      return this;
    }

    /** Adds finished credentials. */
    public UserBuilder with(Credential... more) {
      for (Credential credential : more) {
        credentials.add(userCreatedAt -> credential);
      }
      return this;
    }

    public User build() {
      return new User(
          id, environment, createdAt, credentials.stream().map(c -> c.apply(createdAt)).toList());
    }
  }
}
