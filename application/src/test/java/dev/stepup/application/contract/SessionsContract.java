package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.session.SessionTimeouts;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link Sessions} promises: found by id and token digest; last use only moves forward. */
public abstract class SessionsContract extends PortContract {

  Sessions sessions;

  @BeforeEach
  void sessions() {
    givenAlice();
    sessions = stores.sessions();
  }

  @Test
  void sessionIsFoundByIdAndTokenDigestAndRemembersItsEnd() {
    Session session =
        Session.start(
            new SessionId("ses_1"),
            ENV,
            new UserId("usr_alice"),
            Optional.of(new CredentialId("cred_mail")),
            T0,
            Duration.ofHours(12));
    sessions.create(session, "digest-1");
    assertThat(sessions.findByTokenDigest("digest-1")).map(Session::id).contains(session.id());
    assertThat(sessions.findByTokenDigest("digest-2")).isEmpty();
    assertThat(sessions.find(new SessionId("ses_none"))).isEmpty();

    session.end(T0.plusSeconds(60));
    sessions.save(session);
    Session loaded = sessions.find(session.id()).orElseThrow();
    assertThat(loaded.endedAt()).contains(T0.plusSeconds(60));
    assertThat(loaded.signInCredentialId()).contains(new CredentialId("cred_mail"));
    assertThat(loaded.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
  }

  @Test
  void aSessionKeepsItsIdleTimeoutAndLastUseWhichOnlyMovesForwardWhileOpen() {
    Session session =
        Session.start(
            new SessionId("ses_idle"),
            ENV,
            new UserId("usr_alice"),
            Optional.empty(),
            T0,
            new SessionTimeouts(Duration.ofHours(12), Duration.ofMinutes(20)));
    sessions.create(session, "digest-idle");

    Session loaded = sessions.find(session.id()).orElseThrow();
    assertThat(loaded.idleTimeout()).isEqualTo(Duration.ofMinutes(20));
    assertThat(loaded.lastSeenAt()).isEqualTo(T0);

    sessions.markSeen(session.id(), T0.plusSeconds(300));
    sessions.markSeen(session.id(), T0.plusSeconds(120));
    assertThat(sessions.find(session.id()).orElseThrow().lastSeenAt())
        .isEqualTo(T0.plusSeconds(300));

    loaded = sessions.find(session.id()).orElseThrow();
    loaded.end(T0.plusSeconds(400));
    sessions.save(loaded);
    sessions.markSeen(session.id(), T0.plusSeconds(500));
    Session ended = sessions.find(session.id()).orElseThrow();
    assertThat(ended.lastSeenAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(ended.endedAt()).contains(T0.plusSeconds(400));
  }

  @Test
  void openSessionsAreFoundByUserAndBySignInCredential() {
    UserId alice = new UserId("usr_alice");
    CredentialId mail = new CredentialId("cred_mail");
    Session first =
        Session.start(
            new SessionId("ses_a"), ENV, alice, Optional.of(mail), T0, Duration.ofHours(1));
    Session second =
        Session.start(
            new SessionId("ses_b"),
            ENV,
            alice,
            Optional.empty(),
            T0.plusSeconds(1),
            Duration.ofHours(1));
    Session ended =
        Session.start(
            new SessionId("ses_c"),
            ENV,
            alice,
            Optional.of(mail),
            T0.plusSeconds(2),
            Duration.ofHours(1));
    Session expired =
        Session.start(
            new SessionId("ses_d"),
            ENV,
            alice,
            Optional.of(mail),
            T0.minusSeconds(7200),
            Duration.ofHours(1));
    sessions.create(first, "digest-a");
    sessions.create(second, "digest-b");
    sessions.create(ended, "digest-c");
    sessions.create(expired, "digest-d");
    ended.end(T0.plusSeconds(3));
    sessions.save(ended);
    Instant now = T0.plusSeconds(10);

    assertThat(sessions.openOf(ENV, alice, now))
        .extracting(Session::id)
        .containsExactly(second.id(), first.id());
    assertThat(sessions.openOf(new EnvironmentId("elsewhere"), alice, now)).isEmpty();
    assertThat(sessions.openSignedInWith(mail, now))
        .extracting(Session::id)
        .containsExactly(first.id());
    assertThat(sessions.openSignedInWith(new CredentialId("cred_other"), now)).isEmpty();
  }

  @Test
  void sessionsStartedAtOneInstantAreListedById() {
    UserId alice = new UserId("usr_alice");
    CredentialId mail = new CredentialId("cred_mail");
    for (String id : new String[] {"ses_b", "ses_a", "ses_c"}) {
      sessions.create(
          Session.start(new SessionId(id), ENV, alice, Optional.of(mail), T0, Duration.ofHours(1)),
          "digest-" + id);
    }
    Instant now = T0.plusSeconds(10);
    assertThat(sessions.openOf(ENV, alice, now))
        .extracting(s -> s.id().value())
        .containsExactly("ses_a", "ses_b", "ses_c");
    assertThat(sessions.openSignedInWith(mail, now))
        .extracting(s -> s.id().value())
        .containsExactly("ses_a", "ses_b", "ses_c");
  }
}
