package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.SignInTally;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the repositories behind the admin console promise (sign-in throttling, finding users,
 * dashboard counts), run against each database the product supports.
 */
abstract class ConsoleRepositoryContractTest {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final EnvironmentId ENV = new EnvironmentId("demo");
  static final EnvironmentId OTHER_ENV = new EnvironmentId("other");

  JdbcClient jdbc;
  JdbcSignInTallies signInTallies;
  JdbcUsers users;
  JdbcSessions sessions;
  JdbcUserDirectory directory;
  JdbcAuditTrail audit;

  /** A database no other test has written to. */
  abstract DataSource freshDatabase();

  @BeforeEach
  void migrateAndConnect() {
    DataSource dataSource = freshDatabase();
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    signInTallies = new JdbcSignInTallies(jdbc);
    users = new JdbcUsers(jdbc);
    sessions = new JdbcSessions(jdbc);
    directory = new JdbcUserDirectory(jdbc);
    audit = new JdbcAuditTrail(jdbc);
    JdbcEnvironments environments = new JdbcEnvironments(jdbc);
    environments.save(Environment.create(ENV, "Demo"));
    environments.save(Environment.create(OTHER_ENV, "Other"));
  }

  // ---- sign-in throttling ---------------------------------------------------------------------

  @Test
  void signInTalliesRoundTripAndChangeOnlyFromWhatTheWriterSaw() {
    SignInTally first = SignInTally.none("user:admin", T0).afterFailure(T0);
    assertThat(signInTallies.find("user:admin")).isEmpty();
    assertThat(signInTallies.compareAndSave(Optional.empty(), first)).isTrue();
    assertThat(signInTallies.compareAndSave(Optional.empty(), first)).isFalse();
    assertThat(signInTallies.find("user:admin")).contains(first);

    SignInTally locked = first;
    for (int i = 1; i < SignInTally.THRESHOLD; i++) {
      locked = locked.afterFailure(T0.plusSeconds(i));
    }
    assertThat(signInTallies.compareAndSave(Optional.of(first), locked)).isTrue();
    assertThat(signInTallies.compareAndSave(Optional.of(first), first.afterFailure(T0))).isFalse();
    assertThat(signInTallies.find("user:admin").orElseThrow().lockedUntil())
        .contains(T0.plusSeconds(SignInTally.THRESHOLD - 1).plus(SignInTally.LOCK));
    assertThat(signInTallies.find("ip:203.0.113.7")).isEmpty();

    signInTallies.clear("user:admin");
    assertThat(signInTallies.find("user:admin")).isEmpty();
  }

  // ---- finding users --------------------------------------------------------------------------

  static Credential credential(String id, CredentialFormat format, String identifier, Instant at) {
    return new Credential(
        new CredentialId(id),
        format,
        identifier,
        format == CredentialFormat.BLOCKCHAIN ? Optional.of("external") : Optional.empty(),
        Optional.of("alias-" + id),
        format == CredentialFormat.EMAIL,
        at,
        false);
  }

  User user(String id, EnvironmentId env, Instant at, Credential... credentials) {
    User user = new User(new UserId(id), env, at, List.of(credentials));
    users.save(user);
    return user;
  }

  @Test
  void usersAreFoundByIdOrByPartOfWhatTheirCredentialsNameNewestFirst() {
    user(
        "usr_ann",
        ENV,
        T0,
        credential("cred_ann_mail", CredentialFormat.EMAIL, "ann@example.com", T0),
        credential("cred_ann_totp", CredentialFormat.TOTP, "cred_ann_totp", T0));
    user(
        "usr_bob",
        ENV,
        T0.plusSeconds(10),
        credential("cred_bob_phone", CredentialFormat.PHONE_NUMBER, "+14155550123", T0),
        credential(
            "cred_bob_wallet",
            CredentialFormat.BLOCKCHAIN,
            "0xAbCdEf0123456789aBcDeF0123456789AbCdEf01",
            T0));
    user(
        "usr_other",
        OTHER_ENV,
        T0,
        credential("cred_other_mail", CredentialFormat.EMAIL, "ann@example.org", T0));

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
  void aUsersSessionsAreListedNewestFirstActiveOrEnded() {
    user("usr_ann", ENV, T0, credential("cred_ann_mail", CredentialFormat.EMAIL, "a@b.c", T0));
    user("usr_bob", ENV, T0, credential("cred_bob_mail", CredentialFormat.EMAIL, "b@b.c", T0));
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

  // ---- dashboard counts -----------------------------------------------------------------------

  private void event(
      Instant at,
      EnvironmentId env,
      AuditEventType type,
      AuditEvent.Outcome outcome,
      Optional<VerificationMethod> method) {
    audit.record(
        new AuditEvent(
            at,
            Optional.of(env),
            type,
            outcome,
            Optional.of(new UserId("usr_ann")),
            Optional.empty(),
            Set.of(),
            method,
            Optional.empty(),
            Optional.empty(),
            RequestOrigin.internal()));
  }

  @Test
  void auditEventsAreCountedByTypeOutcomeAndMethodSinceAnInstant() {
    Optional<VerificationMethod> email = Optional.of(VerificationMethod.EMAIL_OTP);
    Optional<VerificationMethod> totp = Optional.of(VerificationMethod.TOTP);
    event(T0.minusSeconds(1), ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email);
    event(T0, ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email);
    event(T0.plusSeconds(5), ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email);
    event(T0.plusSeconds(6), ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, totp);
    event(T0, ENV, AuditEventType.VERIFICATION, AuditEvent.Outcome.FAILURE, totp);
    event(T0, ENV, AuditEventType.LOCKOUT, AuditEvent.Outcome.FAILURE, Optional.empty());
    event(T0, OTHER_ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email);

    assertThat(audit.countSince(ENV, T0))
        .containsExactlyInAnyOrder(
            new AuditStatistics.Count(
                AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email, 2),
            new AuditStatistics.Count(
                AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, totp, 1),
            new AuditStatistics.Count(
                AuditEventType.VERIFICATION, AuditEvent.Outcome.FAILURE, totp, 1),
            new AuditStatistics.Count(
                AuditEventType.LOCKOUT, AuditEvent.Outcome.FAILURE, Optional.empty(), 1));
  }
}
