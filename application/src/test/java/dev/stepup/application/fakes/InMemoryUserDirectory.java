package dev.stepup.application.fakes;

import dev.stepup.application.port.out.user.UserDirectory;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Searches the users and sessions of the in-memory fakes the way the database does. */
public final class InMemoryUserDirectory implements UserDirectory {
  private final InMemoryUsers users;
  private final InMemorySessions sessions;

  public InMemoryUserDirectory(InMemoryUsers users, InMemorySessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  @Override
  public List<UserId> search(EnvironmentId environmentId, String text, int limit) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return users.all().stream()
        .filter(u -> u.environmentId().equals(environmentId))
        .filter(u -> wanted.isEmpty() || matches(u, text.strip(), wanted))
        .sorted(Comparator.comparing(User::createdAt).reversed().thenComparing(u -> u.id().value()))
        .limit(limit)
        .map(User::id)
        .toList();
  }

  private static boolean matches(User user, String text, String wanted) {
    return user.id().value().equals(text)
        || user.credentials().stream()
            .filter(InMemoryUserDirectory::namesSomething)
            .anyMatch(c -> c.identifier().toLowerCase(Locale.ROOT).contains(wanted));
  }

  private static boolean namesSomething(Credential c) {
    return c.format() != CredentialFormat.PASSKEY && c.format() != CredentialFormat.TOTP;
  }

  @Override
  public List<Session> sessionsOf(EnvironmentId environmentId, UserId userId, int limit) {
    return sessions.all().stream()
        .filter(s -> s.environmentId().equals(environmentId) && s.userId().equals(userId))
        .sorted(
            Comparator.comparing(Session::createdAt).reversed().thenComparing(s -> s.id().value()))
        .limit(limit)
        .toList();
  }
}
