package dev.stepup.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import dev.stepup.server.Deliveries;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plays the hosted pages' end users in integration tests: makes a user of the demo environment,
 * signs them in (the session cookie the pages read), and reads the code last sent to an address.
 */
public class HostedDriver {

  public static final EnvironmentId DEMO = new EnvironmentId("demo");
  public static final RequestOrigin ORIGIN = new RequestOrigin("127.0.0.1", "PagesIT");
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private final CreateUserUseCase users;
  private final StartSessionUseCase sessions;
  private final Outbox outbox;
  private final JdbcClient jdbc;

  HostedDriver(
      CreateUserUseCase users, StartSessionUseCase sessions, Outbox outbox, JdbcClient jdbc) {
    this.users = users;
    this.sessions = sessions;
    this.outbox = outbox;
    this.jdbc = jdbc;
  }

  /** A new demo user with a verified email address no other test uses. */
  public User newUser() {
    String email = "h" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
    return users.create(
        new CreateUserCommand(DEMO, Optional.of(email), Optional.empty(), List.of(), true, ORIGIN));
  }

  /** A session of {@code user}, signed in with their first credential. */
  public StartedSession start(User user) {
    return sessions.start(
        new StartSessionCommand(
            DEMO, user.id(), Optional.of(user.credentials().get(0).id()), ORIGIN));
  }

  /** The hosted pages' session cookie of a fresh session of {@code user}. */
  public Cookie signedIn(User user) {
    return new Cookie("stepup_session", start(user).sessionToken());
  }

  /** The 6-digit code last sent to {@code address}, once the delivery queue is settled. */
  public String lastCodeTo(String address) {
    Deliveries.settle(jdbc);
    String body =
        outbox.recent(DEMO, 50).stream()
            .filter(m -> m.recipient().equals(address) && CODE.matcher(m.body()).find())
            .findFirst()
            .orElseThrow()
            .body();
    Matcher matcher = CODE.matcher(body);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  public static String emailOf(User user) {
    return user.credentials().get(0).identifier();
  }
}
