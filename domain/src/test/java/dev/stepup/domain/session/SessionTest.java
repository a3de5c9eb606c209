package dev.stepup.domain.session;

import static dev.stepup.domain.Fixtures.ALICE;
import static dev.stepup.domain.Fixtures.DEMO;
import static dev.stepup.domain.Fixtures.NOW;
import static dev.stepup.domain.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static final SessionId ID = new SessionId("ses_1");
  private static final Instant START = NOW;
  private static final Instant EXPIRY = NOW.plus(Duration.ofHours(8));

  /** Long idle timeout: these tests are about the absolute lifetime. */
  private final Session session =
      Session.start(
          ID,
          DEMO,
          ALICE,
          Optional.of(id("email")),
          START,
          new SessionTimeouts(Duration.ofHours(8), Duration.ofHours(8)));

  /** The defaults: 12 hours at most, 30 minutes idle. */
  private final Session usual =
      Session.start(ID, DEMO, ALICE, Optional.empty(), START, SessionTimeouts.DEFAULTS);

  @Test
  void startedSessionRemembersWhoSignedInWithWhat() {
    assertThat(session.id()).isEqualTo(ID);
    assertThat(session.environmentId()).isEqualTo(DEMO);
    assertThat(session.userId()).isEqualTo(ALICE);
    assertThat(session.signInCredentialId()).contains(id("email"));
    assertThat(session.createdAt()).isEqualTo(START);
    assertThat(session.expiresAt()).isEqualTo(EXPIRY);
    assertThat(session.endedAt()).isEmpty();
  }

  @Test
  void sessionIsActiveFromItsStartUntilJustBeforeItExpires() {
    assertThat(session.isActive(START)).isTrue();
    assertThat(session.isActive(EXPIRY.minusMillis(1))).isTrue();
  }

  @Test
  void sessionIsNoLongerActiveAtTheExactExpiryInstant() {
    assertThat(session.isActive(EXPIRY)).isFalse();
    assertThat(session.isActive(EXPIRY.plusSeconds(1))).isFalse();
  }

  @Test
  void endedSessionIsNoLongerActive() {
    Instant signOut = START.plus(Duration.ofMinutes(30));

    assertThat(session.end(signOut)).isTrue();

    assertThat(session.isActive(signOut)).isFalse();
    assertThat(session.isActive(signOut.plusSeconds(1))).isFalse();
    assertThat(session.endedAt()).contains(signOut);
  }

  @Test
  void endingTwiceIsHarmlessAndKeepsTheFirstSignOutTime() {
    Instant first = START.plus(Duration.ofMinutes(30));
    session.end(first);

    assertThat(session.end(first.plus(Duration.ofMinutes(5)))).isFalse();

    assertThat(session.endedAt()).contains(first);
  }

  @Test
  void sessionWithoutARememberedSignInCredentialIsAllowed() {
    Session anonymousSignIn =
        Session.start(ID, DEMO, ALICE, Optional.empty(), START, Duration.ofMinutes(1));

    assertThat(anonymousSignIn.signInCredentialId()).isEmpty();
  }

  @Test
  void rebuiltEndedSessionIsNotActive() {
    Session rebuilt =
        new Session(
            ID,
            DEMO,
            ALICE,
            Optional.empty(),
            START,
            EXPIRY,
            START,
            Duration.ofMinutes(30),
            START.plusSeconds(60));

    assertThat(rebuilt.isActive(START.plusSeconds(120))).isFalse();
    assertThat(rebuilt.end(START.plusSeconds(120))).isFalse();
  }

  @Test
  void sessionMustExpireAfterItStarts() {
    assertThatThrownBy(() -> Session.start(ID, DEMO, ALICE, Optional.empty(), START, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lifetime must be positive");
    assertThatThrownBy(
            () ->
                new Session(
                    ID,
                    DEMO,
                    ALICE,
                    Optional.empty(),
                    START,
                    START.minusSeconds(1),
                    START,
                    Duration.ofMinutes(30),
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expire after");
  }

  @Test
  void aSessionLeftIdleForItsIdleTimeoutLapses() {
    assertThat(usual.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(usual.expiresAt()).isEqualTo(START.plus(Duration.ofHours(12)));

    assertThat(usual.isActive(START.plus(Duration.ofMinutes(30)).minusMillis(1))).isTrue();
    assertThat(usual.isActive(START.plus(Duration.ofMinutes(30)))).isFalse();
    assertThat(usual.isActive(START.plus(Duration.ofMinutes(31)))).isFalse();
  }

  @Test
  void useEveryTwentyMinutesKeepsTheSessionAliveUntilItsAbsoluteExpiry() {
    Instant now = START;
    while (now.plus(Duration.ofMinutes(20)).isBefore(usual.expiresAt())) {
      now = now.plus(Duration.ofMinutes(20));
      assertThat(usual.isActive(now)).as("active at %s", now).isTrue();
      assertThat(usual.seen(now)).isTrue();
      assertThat(usual.lastSeenAt()).isEqualTo(now);
    }

    assertThat(usual.isActive(usual.expiresAt().minusMillis(1))).isTrue();
    assertThat(usual.isActive(usual.expiresAt())).isFalse();
  }

  @Test
  void aLapsedSessionIsNotRevivedByUse() {
    Instant late = START.plus(Duration.ofMinutes(31));

    assertThat(usual.seen(late)).isFalse();

    assertThat(usual.lastSeenAt()).isEqualTo(START);
    assertThat(usual.isActive(late)).isFalse();
  }

  @Test
  void useIsRecordedAtMostOnceAMinute() {
    assertThat(usual.seen(START.plusSeconds(59))).isFalse();
    assertThat(usual.lastSeenAt()).isEqualTo(START);

    assertThat(usual.seen(START.plusSeconds(60))).isTrue();
    assertThat(usual.seen(START.plusSeconds(61))).isFalse();
    assertThat(usual.lastSeenAt()).isEqualTo(START.plusSeconds(60));
    assertThat(usual.activeUntil()).isEqualTo(START.plusSeconds(60).plus(Duration.ofMinutes(30)));
  }

  @Test
  void anEndedSessionRecordsNoMoreUse() {
    usual.end(START.plusSeconds(10));

    assertThat(usual.seen(START.plus(Duration.ofMinutes(5)))).isFalse();
  }

  @Test
  void idleTimeoutsShorterThanTheRecordingResolutionAreRefused() {
    assertThatThrownBy(() -> new SessionTimeouts(Duration.ofHours(1), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idle timeout");
  }

  @Test
  void sessionIdMustNotBeBlank() {
    assertThatThrownBy(() -> new SessionId("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new SessionId("ses_9")).hasToString("ses_9");
  }
}
