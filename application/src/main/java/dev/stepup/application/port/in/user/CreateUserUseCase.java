package dev.stepup.application.port.in.user;

import dev.stepup.domain.user.User;

/** A host backend registers one of its users with the credentials they signed up with. */
public interface CreateUserUseCase {

  User create(CreateUserCommand command);
}
