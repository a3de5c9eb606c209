package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.user.User;

/** The signed-in user and their credentials. */
public interface GetSignedInUserUseCase {

  User me(SessionContext context);
}
