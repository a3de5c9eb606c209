package dev.stepup.application.port.out.user;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.UserId;
import java.util.List;

/** What the console reads about an environment's users: finding them, and their sessions. */
public interface UserDirectory {

  /**
   * Users of the environment, newest first: with a blank {@code text} the newest ones; otherwise
   * the user whose id is {@code text} and the users one of whose email addresses, phone numbers,
   * wallet addresses or linked accounts contains it, ignoring case.
   */
  List<UserId> search(EnvironmentId environmentId, String text, int limit);

  /** The user's sessions in the environment, newest first, active or ended. */
  List<Session> sessionsOf(EnvironmentId environmentId, UserId userId, int limit);
}
