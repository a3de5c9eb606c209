package dev.stepup.application.service.signin;

import dev.stepup.application.port.in.signin.SignInWithCodeCommand;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import java.util.List;
import java.util.Optional;

/**
 * Who signs in with an address on the hosted sign-in: the user whose sign-in email it is, or — when
 * the environment lets people sign up — a new user created with it once they proved it.
 */
public final class SignInAccounts {

  /** The user who signs in with an address, and that email credential. */
  public record Account(User user, Credential email) {}

  private final Users userStore;
  private final CreateUserUseCase users;

  public SignInAccounts(Users userStore, CreateUserUseCase users) {
    this.userStore = userStore;
    this.users = users;
  }

  public Optional<Account> find(EnvironmentId environmentId, String address) {
    return userStore
        .findByCredential(environmentId, CredentialFormat.EMAIL, address)
        .flatMap(
            user ->
                user.credentials().stream()
                    .filter(c -> c.format() == CredentialFormat.EMAIL)
                    .filter(c -> c.identifier().equals(address))
                    .filter(Credential::signInEnabled)
                    .findFirst()
                    .map(c -> new Account(user, c)));
  }

  /** A new user whose only credential is the address they just proved. */
  public Account signUp(SignInWithCodeCommand command) {
    User created =
        users.create(
            new CreateUserCommand(
                command.environmentId(),
                Optional.of(command.email()),
                Optional.empty(),
                List.of(),
                false,
                command.origin()));
    return find(command.environmentId(), command.email())
        .filter(a -> a.user().id().equals(created.id()))
        .orElseThrow(() -> new IllegalStateException("a signed-up user has their email"));
  }
}
